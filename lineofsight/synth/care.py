"""Children looked after: periods of care turned into SSDA903 episodes, and what hangs off them.

A period of care (from the skeleton) gets a legal-status schedule (police protection or an
emergency protection order first, sometimes; then an interim care order and a full care
order, or s20 accommodation, or remand; a placement order on the way to adoption) and a
placement schedule (moves at a per-child rate calibrated to the published share of children
with three or more placements in the year). Every change starts a new episode the same day
the last one ends (X1); the first episode of a period has RNE S.

Placement types follow SSDA903 §1.4.5 for the reference year (H5/P2 to 2023/24, K3 from
2024/25, Z1 to 2024/25, Z11-Z14 from 2025/26), with providers, URNs, ages and distance
consistent with the rules in statutory-formats.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import polars as pl

from lineofsight.core.domain.published import DATA_ROOT, _population
from lineofsight.synth.allocation import Allocations, worker_on
from lineofsight.synth.calendar import add_working_days
from lineofsight.synth.context import Context
from lineofsight.synth.dates import (
    NA,
    YEAR,
    Bools,
    Days,
    Ints,
    add_years,
    date_series,
    datetime_series,
    day,
    frame,
    group_ends,
    group_starts,
    next_value,
    or_none,
    same_as_previous,
)
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.pools import POSTCODE_AREAS, postcodes
from lineofsight.synth.recurring import series
from lineofsight.synth.skeleton import ADOPT, CAO, HOME, LEAVE16, LONG, OTHER, REMAND, SGO
from lineofsight.synth.workforce import IRO, Workforce

LEGAL = np.array(["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"])
C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3 = range(13)


@dataclass
class Periods:
    row: Ints  # referral row
    child: Ints
    start: Days
    end: Days  # true end (may be after 31 March)
    route: Ints
    dob: Days
    uasc: Bools
    care_order: Bools
    decision: Days  # adoption: agency decision
    placement_order: Days
    matched: Days
    placed: Days
    final: Days  # interim order -> full care order (or placement order)
    need: np.ndarray  # SSDA903 category of need


@dataclass
class Episodes:
    period: Ints
    start: Days
    end: Days  # true end of the episode (next start, or the period's end)
    legal: Ints
    placement: Ints  # placement row
    rne: np.ndarray
    last: Bools


def _periods(ctx: Context, primary_need: np.ndarray) -> Periods:
    rng = ctx.rng("care")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    rows = np.flatnonzero((r.cla_start != NA) & (r.cla_start <= ctx.reference))
    n = len(rows)
    start, end, route = r.cla_start[rows], r.cla_end[rows], r.cla_route[rows]
    child = r.child[rows]
    dob = ctx.children.dob[child]
    uasc = ctx.children.uasc[child]
    age = (start - dob) / YEAR
    length = end - start
    # Care orders: always for adoption, often for SGO and long stays, calibrated overall to the
    # published care applications per CLA start.
    base = np.select(
        [
            route == ADOPT,
            route == SGO,
            route == CAO,
            route == LONG,
            route == HOME,
            route == LEAVE16,
        ],
        [1.0, 0.7, 0.6, np.where(age < 10, 0.8, 0.35), 0.3, 0.15],
        0.2,
    )
    base = np.where(uasc | (route == REMAND) | (length < 30), 0.0, base)
    wanted = min(0.95, ctx.targets.care_proceedings / max(ctx.targets.cla_starts, 1.0))
    scale = wanted / max(float(base[route != ADOPT].mean()) if n else 1.0, 1e-6)
    p = np.where(route == ADOPT, 1.0, np.minimum(base * scale, 0.95))
    care_order = rng.random(n) < p
    care_order &= length >= 30
    # Final order 26-40 weeks after the interim order; adoption: decision, placement order
    # (made with the care order), match, placement, then the adoption order (the period's end).
    final = start + np.round(182 + rng.gamma(2.0, 40, n)).astype(np.int64)
    adopt = route == ADOPT
    fractions = rng.dirichlet([6.0, 3.0, 4.0, 1.0, 6.0], n)
    cuts = start[:, None] + np.round(np.cumsum(fractions, axis=1) * length[:, None]).astype(
        np.int64
    )
    decision = np.where(adopt, cuts[:, 0], NA)
    placement_order = np.where(adopt, np.maximum(cuts[:, 1], decision + 7), NA)
    matched = np.where(adopt, np.maximum(cuts[:, 2], placement_order), NA)
    placed = np.where(adopt, np.minimum(np.maximum(cuts[:, 3], matched + 7), end - 14), NA)
    matched = np.where(adopt, np.minimum(matched, placed - 7), NA)
    placement_order = np.where(adopt, np.minimum(placement_order, matched), NA)
    decision = np.where(adopt, np.minimum(decision, placement_order - 7), NA)
    decision = np.where(adopt, np.maximum(decision, start + 14), NA)
    placement_order = np.where(adopt, np.maximum(placement_order, decision), NA)
    final = np.where(adopt, placement_order, final)
    final = np.where(care_order & (final < end - 1), final, NA)
    need = primary_need[rows].astype(str)
    need = np.where(np.isin(need, ["N9", "N0", "None"]), "N1", need)
    need = np.where(uasc, "N8", need)
    return Periods(
        rows,
        child,
        start,
        end,
        route,
        dob,
        uasc,
        care_order,
        decision,
        placement_order,
        matched,
        placed,
        final,
        need,
    )


def _legal_schedule(ctx: Context, pr: Periods) -> tuple[Ints, Days, Ints]:
    """(period, day, status) rows: every legal status a period has, from its start."""
    rng = ctx.rng("care")
    n = len(pr.start)
    main = np.where(pr.care_order, C1, V2)
    main = np.where(pr.route == REMAND, J1, main)
    # an s20 start that later goes to court
    later_order = pr.care_order & (rng.random(n) < 0.15)
    emergency = rng.random(n)
    l1 = (emergency < 0.12) & ~pr.uasc & (pr.route != REMAND)
    l2 = (emergency >= 0.12) & (emergency < 0.16) & pr.care_order
    lead = np.where(l1, rng.integers(1, 3, n), np.where(l2, rng.integers(3, 8, n), 0))
    rows: list[tuple[Ints, Days, Ints]] = []
    idx = np.arange(n)
    rows.append((idx[l1], pr.start[l1], np.full(l1.sum(), L1)))
    rows.append((idx[l2], pr.start[l2], np.full(l2.sum(), L2)))
    main_day = pr.start + lead
    first_main = np.where(later_order, V2, main)
    ok = main_day < pr.end
    rows.append((idx[ok], main_day[ok], first_main[ok]))
    switch = later_order & ok
    switch_day = main_day + rng.integers(30, 150, n)
    switch &= switch_day < np.where(pr.final != NA, pr.final, pr.end)
    rows.append((idx[switch], switch_day[switch], np.full(switch.sum(), C1)))
    has_final = (pr.final != NA) & (pr.final > main_day)
    final_status = np.where(pr.route == ADOPT, E1, C2)
    rows.append((idx[has_final], pr.final[has_final], final_status[has_final]))
    period = np.concatenate([x[0] for x in rows])
    day = np.concatenate([x[1] for x in rows])
    status = np.concatenate([x[2] for x in rows])
    order = np.lexsort((day, period))
    return period[order], day[order], status[order]


def _placement_moves(ctx: Context, pr: Periods) -> tuple[Ints, Days, Ints]:
    """(period, day, kind) placement changes; kind 0 = new carer, 1 = same carer."""
    rng = ctx.rng("care")
    n = len(pr.start)
    # Moves per year ~ Poisson(m g), g ~ Gamma(k); m solved so that children in care all year
    # have P(2+ moves) = the published share with 3+ placements (negative binomial).
    k = 0.6
    target = ctx.targets.placements_3plus

    def share(mean: float) -> float:
        q = k / (k + mean)
        return float(1 - q**k - k * (mean / (k + mean)) * q**k)

    low, high = 0.01, 10.0
    for _ in range(50):
        mid = (low + high) / 2
        if share(mid) < target:
            low = mid
        else:
            high = mid
    rate = (low + high) / 2
    g = rng.gamma(k, 1 / k, n)
    live_end = np.minimum(pr.end, ctx.reference + 1)
    years = np.maximum(live_end - pr.start, 0) / YEAR
    count = np.minimum(rng.poisson(rate * g * years), 40)
    period = np.repeat(np.arange(n), count)
    day = pr.start[period] + np.floor(rng.random(len(period)) * (live_end - pr.start)[period])
    day = day.astype(np.int64)
    kind = np.zeros(len(period), np.int64)
    # Adoption placements; a move home before discharge; semi-independence at 16+.
    adopt = np.flatnonzero((pr.placed != NA) & (pr.placed <= ctx.reference))
    same = rng.random(len(adopt)) < 0.15
    extra = [(adopt, pr.placed[adopt], same.astype(np.int64))]
    home = np.flatnonzero((pr.route == HOME) & pr.care_order & (rng.random(n) < 0.2))
    home_day = pr.end[home] - rng.integers(30, 120, len(home))
    ok = (home_day > pr.start[home] + 14) & (home_day <= ctx.reference)
    extra.append((home[ok], home_day[ok], np.full(ok.sum(), 2)))
    sixteen = add_years(pr.dob, 16)
    teen = np.flatnonzero(
        np.isin(pr.route, [LONG, LEAVE16]) & (sixteen > pr.start) & (rng.random(n) < 0.45)
    )
    teen_day = sixteen[teen] + rng.integers(0, 250, len(teen))
    ok = (teen_day < pr.end[teen] - 14) & (teen_day <= ctx.reference)
    extra.append((teen[ok], teen_day[ok], np.full(ok.sum(), 3)))
    for p_, d_, k_ in extra:
        period = np.concatenate([period, p_])
        day = np.concatenate([day, d_])
        kind = np.concatenate([kind, k_])
    # keep moves strictly inside the period; adoption placements take the adoption's stage
    ok = (day > pr.start[period]) & (day < pr.end[period])
    adoption_phase = (pr.placed[period] != NA) & (day > pr.placed[period]) & (kind == 0)
    ok &= ~adoption_phase
    period, day, kind = period[ok], day[ok], kind[ok]
    # drop random moves after a planned final move (home or semi-independence)
    order = np.lexsort((day, period))
    period, day, kind = period[order], day[order], kind[order]
    return period, day, kind


def build_episodes(ctx: Context, pr: Periods) -> tuple[Episodes, pl.DataFrame]:
    rng = ctx.rng("care")
    lp, ld, ls = _legal_schedule(ctx, pr)
    mp, md, mk = _placement_moves(ctx, pr)
    n = len(pr.start)
    # Episode starts: the period start, then every legal or placement change day.
    e_period = np.concatenate([np.arange(n), lp, mp])
    e_day = np.concatenate([pr.start, ld, md])
    order = np.lexsort((e_day, e_period))
    e_period, e_day = e_period[order], e_day[order]
    dup = same_as_previous(e_period, e_day)
    e_period, e_day = e_period[~dup], e_day[~dup]
    keep = e_day <= ctx.reference
    e_period, e_day = e_period[keep], e_day[keep]
    # de-duplicate again after clipping
    dup = same_as_previous(e_period, e_day)
    e_period, e_day = e_period[~dup], e_day[~dup]
    last = group_ends(e_period)
    e_end = np.where(last, pr.end[e_period], next_value(e_day, 0))
    # Legal status in force at each episode start.
    base = int(min(pr.start.min(initial=0), 0)) - 10
    span = 1 << 24
    lkey = lp * span + (ld - base)
    ekey = e_period * span + (e_day - base)
    li = np.searchsorted(lkey, ekey, side="right") - 1
    legal = ls[np.maximum(li, 0)]
    legal_change_day = np.zeros(len(e_day), bool)
    legal_change_day[np.isin(ekey, lkey)] = True
    # Placement number at each episode start (moves on or before the day).
    mkey = mp * span + (md - base)
    moved_on_day = np.isin(ekey, mkey)
    mi = np.searchsorted(mkey, ekey, side="right")
    first_move = np.searchsorted(mkey, e_period * span)
    placement_no = mi - first_move
    move_kind = np.where(moved_on_day, mk[np.maximum(mi - 1, 0)], -1)
    first = group_starts(e_period)
    same_carer = move_kind == 1
    rne = np.select(
        [
            first,
            legal_change_day & moved_on_day & same_carer,
            legal_change_day & moved_on_day,
            moved_on_day & same_carer,
            moved_on_day,
        ],
        ["S", "U", "B", "T", "P"],
        "L",
    )
    # Placement rows: one per (period, placement number).
    pl_key = e_period * 1000 + placement_no
    uniq, p_index = np.unique(pl_key, return_inverse=True)
    placements = _placements(
        ctx, pr, uniq // 1000, uniq % 1000, e_period, e_day, p_index, mk, mp, md, rng
    )
    episodes = Episodes(e_period, e_day, e_end, legal, p_index, rne, last)
    return episodes, placements


def _placements(
    ctx: Context,
    pr: Periods,
    period: Ints,
    number: Ints,
    e_period: Ints,
    e_day: Days,
    p_index: Ints,
    mk: Ints,
    mp: Ints,
    md: Days,
    rng: np.random.Generator,
) -> pl.DataFrame:
    """Type, provider, URN, postcode, LA and distance for each placement."""
    count = len(period)
    first_day = np.full(count, np.iinfo(np.int64).max)
    np.minimum.at(first_day, p_index, e_day)
    age = (first_day - pr.dob[period]) / YEAR
    # what kind of move began it (-1 for the first placement)
    move_row = np.searchsorted(mp, period) + number - 1
    kind = np.where(
        number > 0, mk[np.clip(move_row, 0, max(len(mk) - 1, 0))] if len(mk) else -1, -1
    )
    year = ctx.year
    semi = "K3" if year >= 2025 else "H5"
    independent = "K3" if year >= 2025 else "P2"
    other = "Z11" if year >= 2026 else "Z1"
    route = pr.route[period]
    uasc = pr.uasc[period]
    u = rng.random(count)
    young = np.select(
        [u < 0.55, u < 0.68, u < 0.83, u < 0.87, u < 0.91, u < 0.95],
        ["U6", "U4", "U3", "U1", "K2", "P1"],
        "U6",
    )
    infant = np.where(rng.random(count) < 0.1, "R3", young)
    middle = np.select(
        [u < 0.45, u < 0.57, u < 0.67, u < 0.89, u < 0.9, u < 0.93, u < 0.97],
        ["U6", "U4", "U3", "K2", "K1", "S1", "P1"],
        other,
    )
    older = np.select(
        [u < 0.3, u < 0.4, u < 0.48, u < 0.63, u < 0.85, u < 0.92, u < 0.95],
        ["U6", "U4", "U3", "K2", semi, independent, "P1"],
        other,
    )
    place = np.where(age < 1, infant, np.where(age < 12, young, np.where(age < 16, middle, older)))
    place = np.where((place == "U4") & (number == 0), "U6", place)
    # placement with parents only under a care order, and not as the first placement
    place = np.where((place == "P1") & ~(pr.care_order[period] & (number > 0)), "U3", place)
    # children on the way to adoption are fostered until they are placed with adopters
    adopting = route == ADOPT
    place = np.where(adopting & ~np.isin(place, ["U3", "U5", "U6"]), "U6", place)
    # unaccompanied children
    u_old = np.where(
        rng.random(count) < 0.6, np.where(rng.random(count) < 0.8, semi, independent), "U6"
    )
    u_young = np.where(rng.random(count) < 0.75, "U6", "K2")
    place = np.where(uasc, np.where(age >= 16, u_old, u_young), place)
    # remand: secure or a children's home first
    place = np.where(
        (route == REMAND) & (number == 0), np.where(rng.random(count) < 0.4, "K1", "K2"), place
    )
    # planned moves
    ffa = (route == ADOPT) & (number == 0) & (rng.random(count) < 0.1)
    place = np.where(ffa, "U5", place)
    adopt_move = (kind == 0) | (kind == 1)
    adoption_placement = (pr.placed[period] != NA) & (first_day >= pr.placed[period]) & adopt_move
    place = np.where(adoption_placement, np.where(kind == 1, "A5", "A6"), place)
    place = np.where(kind == 2, "P1", place)
    place = np.where(kind == 3, np.where(rng.random(count) < 0.7, semi, independent), place)
    # age rules: semi-independent and K3 16+, S1 4+, R3 for infants only
    too_young = np.isin(place, ["H5", "K3", "P2"]) & (age < 16)
    place = np.where(too_young, "U6", place)
    place = np.where((place == "S1") & (age < 4), "U6", place)
    place = np.where((place == "R3") & (age >= 1), "U6", place)
    place = np.where(np.isin(place, ["R5"]) & (age < 10), "U6", place)
    # Placed with parents is at the child's home postcode with provider PR0 and no URN (rule
    # 392d), so a P1 straight after a P1 in the same period would be no change at all under
    # RNE P (rule 435): the later one is fostered instead (no draw, other tables unchanged).
    # (Rows are in period, placement order; one pass leaves no P1 after a P1.)
    follows_p1 = np.r_[False, (place[:-1] == "P1") & (period[1:] == period[:-1])]
    place = np.where(follows_p1 & (place == "P1"), "U6", place)
    provider = _providers(place, rng)
    needs_urn = ~np.isin(
        place,
        [
            "P1",
            "P3",
            "R1",
            "R2",
            "R5",
            "T0",
            "T1",
            "T2",
            "T3",
            "T4",
            "Z1",
            "Z11",
            "Z12",
            "Z13",
            "Z14",
        ],
    )
    la_fostering = f"SC{(int(ctx.info.la_number) * 977) % 900000 + 100000:06d}"
    urn_pool = np.array(
        [f"SC{n:06d}" for n in rng.choice(np.arange(100000, 999999), 80, replace=False)]
    )
    urn = np.where(
        np.isin(place, ["U1", "U2", "U3", "U4", "U5", "U6"]) & (provider == "PR1"),
        la_fostering,
        urn_pool[rng.integers(0, len(urn_pool), count)],
    )
    urn = or_none(needs_urn, urn)
    provider = or_none(~(np.isin(place, ["Z1", "Z11", "Z12", "Z13", "Z14"])), provider)
    # Location and distance, calibrated so the share of children placed over 20 miles away
    # and out of the area matches the published figure.
    out_p = np.select(
        [
            np.isin(place, ["K1", "K2", "S1"]),
            provider == "PR4",
            provider == "PR5",
            np.isin(place, ["A5", "A6"]),
            place == "P1",
            provider == "PR1",
        ],
        [0.65, 0.45, 0.4, 0.55, 0.1, 0.0],
        0.3,
    )
    out = rng.random(count) < out_p
    out &= (provider != "PR1") & (place != "P1")
    at_ref = _open_on_reference(ctx, p_index, e_day, period, pr, count)
    n_ref = max(int(at_ref.sum()), 1)
    n_out = int((at_ref & out & ~uasc).sum())
    far_share = min(1.0, ctx.targets.distance_20mi * n_ref / max(n_out, 1))
    far = out & (rng.random(count) < far_share)
    distance = np.where(
        far,
        20.5 + rng.gamma(1.5, 30, count),
        np.where(out, 5 + rng.random(count) * 15, 0.3 + rng.gamma(1.5, 2.2, count)),
    )
    distance = np.minimum(np.round(distance, 1), 340.0)
    distance = np.where(place == "P1", np.round(rng.random(count) * 2, 1), distance)
    la_codes = _other_la_codes(ctx)
    placement_la = np.where(out, la_codes[rng.integers(0, len(la_codes), count)], ctx.info.la_code)
    own_area = postcodes(rng, ctx.area, count)
    areas = np.array(POSTCODE_AREAS)[rng.integers(0, len(POSTCODE_AREAS), count)]
    elsewhere = postcodes(rng, areas, count)
    postcode = np.where(out, elsewhere, own_area)
    return frame(
        {
            "placement_type": place,
            "placement_provider": provider,
            "urn": urn,
            "placement_postcode": postcode,
            "placement_la": placement_la,
            "placement_location": np.where(out, "OUT", "IN"),
            "distance_miles": np.where(uasc, np.nan, distance),
        }
    ).with_columns(pl.col("distance_miles").fill_nan(None))


def _open_on_reference(
    ctx: Context, p_index: Ints, e_day: Days, period: Ints, pr: Periods, count: int
) -> Bools:
    last_day = np.full(count, -(10**9))
    np.maximum.at(last_day, p_index, e_day)
    open_period = pr.end[period] > ctx.reference
    # the placement holding the latest episode of an open period is current
    latest = np.zeros(count, bool)
    order = np.lexsort((last_day, period))
    is_last = group_ends(period[order])
    latest[order[is_last]] = True
    return latest & open_period


def _providers(place: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    count = len(place)
    u = rng.random(count)
    foster = np.where(u < 0.64, "PR1", np.where(u < 0.95, "PR4", "PR5"))
    homes = np.where(u < 0.22, "PR1", np.where(u < 0.9, "PR4", "PR5"))
    adoption = np.where(u < 0.55, "PR1", np.where(u < 0.85, "PR2", "PR5"))
    semi = np.where(u < 0.25, "PR1", np.where(u < 0.85, "PR4", "PR5"))
    return np.select(
        [
            np.isin(place, ["U1", "U2", "U3", "U4", "U5", "U6"]),
            np.isin(place, ["K1", "K2"]),
            np.isin(place, ["A3", "A4", "A5", "A6"]),
            np.isin(place, ["H5", "K3", "P2"]),
            place == "P1",
            np.isin(place, ["R2", "R5"]),
            place == "R3",
            place == "S1",
        ],
        [
            foster,
            homes,
            adoption,
            semi,
            "PR0",
            "PR3",
            np.where(u < 0.5, "PR4", "PR5"),
            np.where(u < 0.6, "PR4", "PR3"),
        ],
        "PR4",
    )


def _other_la_codes(ctx: Context) -> np.ndarray:
    _, codes = _population(DATA_ROOT)
    values = sorted({c for c in codes.values() if c != ctx.info.la_code and c.startswith("E")})
    return np.array(values or [ctx.info.la_code])


REASON_CEASED_BY_ROUTE = {
    HOME: (["E4A", "E4B", "E13"], [0.7, 0.12, 0.18]),
    ADOPT: (["E11", "E12"], [0.4, 0.6]),
    CAO: (["E41"], [1.0]),
    REMAND: (["E14", "E9"], [0.75, 0.25]),
    OTHER: (["E3", "E16", "E8", "E13"], [0.35, 0.1, 0.35, 0.2]),
    LEAVE16: (["E5", "E6", "E4B", "E8"], [0.5, 0.2, 0.15, 0.15]),
}


def episode_frame(
    ctx: Context, pr: Periods, ep: Episodes, placements: pl.DataFrame
) -> pl.DataFrame:
    rng = ctx.rng("care")
    assert ctx.children is not None
    count = len(ep.start)
    route = pr.route[ep.period]
    ended = ep.end <= ctx.reference
    final = np.full(count, None, dtype=object)
    for code, (options, weights) in REASON_CEASED_BY_ROUTE.items():
        sel = ep.last & (route == code)
        final[sel] = np.array(options)[rng.choice(len(options), int(sel.sum()), p=weights)]
    old_sgo = ctx.year < 2019
    sgo_codes = (
        (["E43", "E44"], [0.6, 0.4])
        if old_sgo
        else (["E45", "E46", "E47", "E48"], [0.5, 0.15, 0.25, 0.1])
    )
    sel = ep.last & (route == SGO)
    final[sel] = np.array(sgo_codes[0])[
        rng.choice(len(sgo_codes[0]), int(sel.sum()), p=sgo_codes[1])
    ]
    # Placed with parents is never under s20 alone (rule 378): a P1 placement with any
    # episode under V2 is fostered (U3) for all its episodes, so one placement never shows
    # two types and an RNE L stays a change of legal status only (rule 434).
    place = placements["placement_type"].to_numpy()[ep.placement]
    s20_placement = np.zeros(placements.height, bool)
    s20_placement[ep.placement[(place == "P1") & (ep.legal == V2)]] = True
    s20_home = s20_placement[ep.placement]
    place = np.where(s20_home, "U3", place)
    if not old_sgo:
        # An SGO to former foster carers (E45, E46) needs a foster placement at the end (rule
        # 516); otherwise it went to other carers, relatives (E47) or not (E48). Episodes
        # that ended before 2018/19 carry the codes of their year: E43 former foster carers,
        # E44 other carers.
        foster = np.isin(place, ["U1", "U2", "U3", "U4", "U5", "U6"])
        final = np.where(sel & ~foster & (final == "E45"), "E47", final)
        final = np.where(sel & ~foster & (final == "E46"), "E48", final)
        before = sel & (ep.end < day(dt.date(2018, 4, 1)))
        final = np.where(before, np.where(np.isin(final, ["E45", "E46"]), "E43", "E44"), final)
    # leaving at 18 (long stays and anyone whose period reaches the 18th birthday)
    b18 = add_years(pr.dob, 18)[ep.period]
    at18 = ep.last & (ep.end >= b18)
    eighteen = np.array(["E17", "E5", "E6", "E8", "E7"])[
        rng.choice(5, count, p=[0.3, 0.38, 0.15, 0.12, 0.05])
    ]
    eighteen = np.where(pr.uasc[ep.period] & (rng.random(count) < 0.1), "E15", eighteen)
    final = np.where(at18 | (ep.last & (route == LONG)), eighteen, final)
    # E5/E6 need age 14+; E17 only at 18+
    age_end = (ep.end - pr.dob[ep.period]) / YEAR
    final = np.where(np.isin(final, ["E5", "E6"]) & (age_end < 14), "E13", final)
    final = np.where((final == "E17") & (age_end < 18), "E5", final)
    # Care transferred to another LA (E3) makes the young person that LA's care leaver, not
    # this council's (rule 1011): at 16+, when they would qualify here, care ends otherwise.
    final = np.where((final == "E3") & (age_end >= 16), "E8", final)
    reason = np.where(ep.last, final, "X1")
    reason = or_none(ended, reason)
    nxt_rne = np.concatenate([ep.rne[1:], np.array(["S"])])
    place_change = ~ep.last & np.isin(nxt_rne, ["P", "B", "T", "U"])
    changes = np.array(
        [
            "CARPL",
            "CLOSE",
            "ALLEG",
            "STAND",
            "APPRR",
            "CREQB",
            "CREQO",
            "CHILD",
            "LAREQ",
            "PLACE",
            "OTHER",
            "CUSTOD",
        ]
    )
    change_p = np.array([0.34, 0.03, 0.02, 0.03, 0.01, 0.15, 0.1, 0.08, 0.1, 0.05, 0.09, 0.0])
    if ctx.year >= 2019:
        change_p[-1] = 0.01
    change = changes[rng.choice(len(changes), count, p=change_p / change_p.sum())]
    age_ep = (ep.end - pr.dob[ep.period]) / YEAR
    change = np.where((change == "CUSTOD") & (age_ep < 10), "OTHER", change)
    # CUSTOD is a 2018/19 code: an episode that ended before then has none (last year's return).
    change = np.where((change == "CUSTOD") & (ep.end < day(dt.date(2018, 4, 1))), "OTHER", change)
    change = np.where(nxt_rne == "T", "CARPL", change)
    change = or_none(place_change & ended, change)
    table = placements[ep.placement].with_columns(
        pl.Series("key", make_keys("EPI", count, width=7)),
        pl.Series("child_id", np.array(ctx.children.keys)[pr.child[ep.period]]),
        date_series("started_on", ep.start),
        pl.Series("reason_new", ep.rne),
        pl.Series("legal_status", LEGAL[ep.legal]),
        pl.Series("category_of_need", pr.need[ep.period]),
        pl.Series("home_postcode", ctx.children.home_postcode[pr.child[ep.period]]),
        date_series("ended_on", np.where(ended, ep.end, NA)),
        pl.Series("reason_ceased", reason.tolist(), dtype=pl.String),
        pl.Series("reason_place_change", change.tolist(), dtype=pl.String),
    )
    # Placed with parents: at home (rule 392d), and never under s20 alone (rule 378, above).
    s20 = pl.Series(s20_home)
    la_fostering = f"SC{(int(ctx.info.la_number) * 977) % 900000 + 100000:06d}"
    table = table.with_columns(
        pl.when(s20).then(pl.lit("U3")).otherwise("placement_type").alias("placement_type"),
        pl.when(s20)
        .then(pl.lit("PR1"))
        .otherwise("placement_provider")
        .alias("placement_provider"),
        pl.when(s20).then(pl.lit(la_fostering)).otherwise("urn").alias("urn"),
    ).with_columns(
        pl.when(pl.col("placement_type") == "P1")
        .then(pl.col("home_postcode"))
        .otherwise("placement_postcode")
        .alias("placement_postcode")
    )
    return table


# ---------------------------------------------------------------- reviews, health, PEPs


def care_frames(
    ctx: Context,
    pr: Periods,
    ep: Episodes,
    placements: pl.DataFrame,
    wf: Workforce,
    alloc: Allocations,
) -> dict[str, pl.DataFrame]:
    rng = ctx.rng("care")
    assert ctx.children is not None
    keys = np.array(ctx.children.keys)
    reference, window = ctx.reference, ctx.window_start
    live_end = np.minimum(pr.end, reference + 1)
    out: dict[str, pl.DataFrame] = {}
    # Reviews: 20 working days, then 3 months, then every 6 months.
    first = add_working_days(pr.start, rng.integers(12, 21, len(pr.start)))
    o1, d1 = series(rng, pr.start - 1, live_end, first - pr.start + 1, 10**6)
    o2, d2 = series(rng, first, live_end, 91, 10**6, jitter=7)
    o3, d3 = series(rng, first + 91, live_end, 182, 182, jitter=10)
    owner = np.concatenate([o1, o2, o3])
    day = np.concatenate([d1, d2, d3])
    keep = (day >= window) & (day <= reference)
    owner, day = owner[keep], day[keep]
    order = np.lexsort((owner, day))
    owner, day = owner[order], day[order]
    # one review a day per child (two periods' series could meet)
    pair = pr.child[owner] * (1 << 24) + (day - window)
    _, first_of = np.unique(pair, return_index=True)
    first_of.sort()
    owner, day = owner[first_of], day[first_of]
    age = (day - pr.dob[owner]) / YEAR
    code = np.array(["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])[
        rng.choice(7, len(owner), p=[0.5, 0.05, 0.04, 0.04, 0.05, 0.27, 0.05])
    ]
    code = np.where(age < 4, "PN0", code)
    # chaired by the child's own IRO where one is allocated
    own = alloc.role == "iro"
    iro_alloc = Allocations(*(getattr(alloc, name)[own] for name in alloc.__dataclass_fields__))
    iro = worker_on(iro_alloc, pr.child[owner], day)
    none = iro < 0
    iro[none] = wf.pick(rng, np.full(int(none.sum()), wf.teams_of_area("iro")[0]), {IRO}, day[none])
    out["cla_review"] = frame(
        {
            "key": make_keys("CLR", len(owner), width=7),
            "child_id": keys[pr.child[owner]],
            "held_on": date_series("h", day),
            "participation": code,
            "chaired_by_id": or_none(iro >= 0, wf.worker_id[np.maximum(iro, 0)]),
        }
    )
    out["health_check"] = _health(ctx, rng, pr, live_end, keys)
    # PEPs: termly for children of school age (and early years from 3)
    o, d = series(rng, pr.start, live_end, 20, 122, jitter=14)
    age = (d - pr.dob[o]) / YEAR
    keep = (age >= 3) & (age < 18) & (d >= window) & (d <= reference)
    o, d = o[keep], d[keep]
    schools = np.array(
        [f"1{n:05d}" for n in rng.choice(np.arange(10000, 99999), 150, replace=False)]
    )
    child_school = schools[pr.child[o] % len(schools)]
    grades = np.array(["1", "2", "3", "4"])  # Ofsted grades: outstanding .. inadequate
    grade = or_none(
        rng.random(len(o)) < 0.9, grades[rng.choice(4, len(o), p=[0.2, 0.6, 0.15, 0.05])]
    )
    order = np.lexsort((o, d))
    out["education_plan"] = frame(
        {
            "key": make_keys("PEP", len(o), width=7),
            "child_id": keys[pr.child[o]][order],
            "done_on": date_series("d", d[order]),
            "school_urn": child_school[order],
            "school_ofsted_grade": grade[order],
        }
    )
    out["missing_episode"] = _missing(ctx, rng, pr, live_end, keys)
    out.update(_legal_and_adoption(ctx, rng, pr, keys, _last_placements(pr, ep, placements)))
    out["previous_permanence"] = _previous_permanence(ctx, rng, pr, keys)
    return out


def _health(
    ctx: Context, rng: np.random.Generator, pr: Periods, live_end: Days, keys: np.ndarray
) -> pl.DataFrame:
    reference, window = ctx.reference, ctx.window_start
    iha = add_working_days(pr.start, rng.integers(10, 30, len(pr.start)))
    rows: list[tuple[Ints, Days, np.ndarray, np.ndarray, np.ndarray]] = []
    ok = iha < live_end
    idx = np.flatnonzero(ok)
    rows.append(
        (idx, iha[ok], np.full(len(idx), "iha"), np.full(len(idx), None), np.full(len(idx), None))
    )
    o, d = series(rng, iha, live_end, 365, 365, jitter=20)
    age = (d - pr.dob[o]) / YEAR
    n = len(o)
    rows.append((o, d, np.full(n, "rha"), np.full(n, None), np.full(n, None)))
    under5 = np.flatnonzero(age < 5)
    rows.append(
        (
            o[under5],
            np.minimum(d[under5] + 182, live_end[o[under5]] - 1),
            np.full(len(under5), "rha"),
            np.full(len(under5), None),
            np.full(len(under5), None),
        )
    )
    rows.append(
        (o, d + rng.integers(-30, 30, n), np.full(n, "dental"), np.full(n, None), np.full(n, None))
    )
    rows.append(
        (
            o,
            d,
            np.full(n, "immunisations"),
            np.where(rng.random(n) < 0.87, "1", "0"),
            np.full(n, None),
        )
    )
    dev = age < 5
    rows.append(
        (
            o[dev],
            d[dev],
            np.full(dev.sum(), "development"),
            np.where(rng.random(dev.sum()) < 0.9, "1", "0"),
            np.full(dev.sum(), None),
        )
    )
    # The SDQ is a yearly questionnaire of its own, not dated by the health assessments
    # (which drift): every 365 days from a year into care, so each collection year of
    # continuous care holds one (rule 186). A child of 3 or 17 at that date has SDQ1, the
    # reason for none, so turning 4 or 17 in the year still reports one (197B).
    so, sd = series(rng, pr.start, live_end, 365, 365)
    sdq_age = (sd - pr.dob[so]) / YEAR
    m = len(so)
    scored_age = (sdq_age >= 4) & (sdq_age < 17)
    asked = (sdq_age >= 3) & (sdq_age < 18)
    score = np.clip(np.round(rng.normal(14, 6, m)), 0, 40).astype(np.int64).astype(str)
    has_score = scored_age & (rng.random(m) < 0.8)
    reason = np.array(["SDQ2", "SDQ3", "SDQ4", "SDQ5"])[rng.choice(4, m, p=[0.3, 0.2, 0.3, 0.2])]
    reason = np.where(scored_age, reason, "SDQ1")
    rows.append(
        (
            so[asked],
            sd[asked],
            np.full(asked.sum(), "sdq"),
            or_none(has_score, score)[asked],
            or_none(~has_score, reason)[asked],
        )
    )
    teen = age >= 10
    misuse = rng.random(n) < 0.05
    rows.append(
        (
            o[teen],
            d[teen],
            np.full(teen.sum(), "substance_misuse"),
            np.where(misuse, "1", "0")[teen],
            np.full(teen.sum(), None),
        )
    )
    helped = teen & misuse
    received = rng.random(n) < 0.7
    rows.append(
        (
            o[helped],
            d[helped] + 14,
            np.where(received, "intervention_received", "intervention_offered")[helped],
            np.full(helped.sum(), "1"),
            np.full(helped.sum(), None),
        )
    )
    owner = np.concatenate([x[0] for x in rows])
    day = np.concatenate([x[1] for x in rows])
    kind = np.concatenate([x[2] for x in rows])
    value = np.concatenate([x[3] for x in rows])
    sdq_reason = np.concatenate([x[4] for x in rows])
    keep = (day >= window) & (day <= reference) & (day < live_end[owner]) & (day > pr.start[owner])
    owner, day, kind, value, sdq_reason = (x[keep] for x in (owner, day, kind, value, sdq_reason))
    order = np.lexsort((kind, day))
    return frame(
        {
            "key": make_keys("HC", len(owner), width=7),
            "child_id": keys[pr.child[owner]][order],
            "kind": kind[order],
            "done_on": date_series("d", day[order]),
            "value": value[order],
            "sdq_reason": sdq_reason[order],
        },
        schema_overrides={"value": pl.String, "sdq_reason": pl.String},
    )


def _missing(
    ctx: Context, rng: np.random.Generator, pr: Periods, live_end: Days, keys: np.ndarray
) -> pl.DataFrame:
    """Missing / away episodes by child-year, calibrated to the published share missing."""
    reference, window = ctx.reference, ctx.window_start
    years = np.arange(ctx.year - int((reference - window) // 365), ctx.year + 1)
    rows_p: list[Ints] = []
    rows_s: list[Days] = []
    rows_e: list[Days] = []
    for y in years:
        y0, y1 = day(dt.date(int(y) - 1, 4, 1)), day(dt.date(int(y), 3, 31)) + 1
        s = np.maximum(pr.start, y0)
        e = np.minimum(live_end, y1)
        ok = e > s
        rows_p.append(np.flatnonzero(ok))
        rows_s.append(s[ok])
        rows_e.append(e[ok])
    period = np.concatenate(rows_p)
    s = np.concatenate(rows_s)
    e = np.concatenate(rows_e)
    age = (s - pr.dob[period]) / YEAR
    weight = np.select([age >= 14, age >= 11, age >= 8], [1.0, 0.45, 0.05], 0.0)
    target = ctx.targets.missing + ctx.targets.away * 0.3
    p = np.minimum(0.9, weight * target * len(period) / max(weight.sum(), 1e-9))
    went = rng.random(len(period)) < p
    count = np.where(went, 1 + rng.negative_binomial(0.7, 0.2, len(period)), 0)
    count = np.minimum(count, 60)
    owner = np.repeat(np.arange(len(period)), count)
    span = (e - s)[owner]
    start_day = s[owner] + np.floor(rng.random(len(owner)) * span).astype(np.int64)
    minutes = 900 + rng.integers(0, 540, len(owner))  # 15:00 to 23:59
    hours = np.round(rng.lognormal(np.log(10), 1.0, len(owner)) * 60).astype(np.int64)
    end_total = start_day * 1440 + minutes + hours
    end_day = end_total // 1440
    end_min = end_total % 1440
    end_min = np.where((end_min >= 60) & (end_min < 420), 420 + end_min % 60, end_min)
    care_end = live_end[period[owner]]
    still = end_day >= np.minimum(care_end, reference + 1)
    end_day = np.where(still, np.where(care_end <= reference, care_end - 1, NA), end_day)
    end_day = np.where((end_day != NA) & (end_day < start_day), start_day, end_day)
    end_min = np.where(
        (end_day == start_day) & (end_min <= minutes), np.minimum(minutes + 30, 1439), end_min
    )
    kind_m = rng.random(len(owner)) < ctx.targets.missing / max(
        ctx.targets.missing + ctx.targets.away, 1e-9
    )
    offered = kind_m & (rng.random(len(owner)) < 0.88)
    done = offered & (end_day != NA) & (rng.random(len(owner)) < 0.65)
    done_day = np.where(done, end_day + rng.integers(0, 4, len(owner)), NA)
    done_min = 600 + rng.integers(0, 420, len(owner))
    # the interview is at least an hour after the episode started
    done_total = np.maximum(done_day * 1440 + done_min, start_day * 1440 + minutes + 60)
    done_day = np.where(done, done_total // 1440, NA)
    done_min = done_total % 1440
    done_min = np.where((done_min >= 60) & (done_min < 420), 420 + done_min % 60, done_min)
    done = done & (done_day <= reference)
    done_day = np.where(done, done_day, NA)
    order = np.lexsort((minutes, start_day))
    table = frame(
        {
            "key": make_keys("MIS", len(owner), width=7),
            "child_id": keys[pr.child[period[owner]]][order],
            "kind": np.where(kind_m, "M", "A")[order],
            "started_at": datetime_series("s", start_day[order], minutes[order]),
            "ended_at": datetime_series("e", end_day[order], end_min[order]),
            "return_interview_offered": or_none(kind_m, offered)[order],
            "return_interview_done_at": datetime_series("r", done_day[order], done_min[order]),
            "return_interview_accepted": or_none(done, rng.random(len(owner)) < 0.8)[order],
        },
        schema_overrides={
            "return_interview_offered": pl.Boolean,
            "return_interview_accepted": pl.Boolean,
        },
    )
    return _without_overlaps(table)


def _without_overlaps(missing: pl.DataFrame) -> pl.DataFrame:
    """A child already missing or away cannot go again: an episode starting before one of
    the child's earlier episodes has ended (or while one is still open) is left out (rule
    574). No draw is made, so the other tables stay as they were; keys keep their numbers."""
    still_open = pl.lit(dt.datetime(9999, 12, 31, tzinfo=dt.UTC)).dt.convert_time_zone(
        "Europe/London"
    )
    ended = pl.col("ended_at").fill_null(still_open)
    earlier = ended.cum_max().shift(1).over("child_id")
    overlapping = (
        missing.with_row_index("_row")
        .sort("child_id", "started_at", "_row")
        .filter(pl.col("started_at") < earlier)
    )
    return missing.with_row_index("_row").join(overlapping, on="_row", how="anti").drop("_row")


def _last_placements(pr: Periods, ep: Episodes, placements: pl.DataFrame) -> Bools:
    """Whether each period's last placement was with adopters who had fostered the child."""
    types = placements["placement_type"].to_numpy()[ep.placement]
    out = np.zeros(len(pr.start), bool)
    out[ep.period[ep.last]] = np.isin(types[ep.last], ["A3", "A5"])
    return out


def _legal_and_adoption(
    ctx: Context,
    rng: np.random.Generator,
    pr: Periods,
    keys: np.ndarray,
    adopted_by_carers: Bools,
) -> dict[str, pl.DataFrame]:
    reference = ctx.reference
    n = len(pr.start)
    idx = np.arange(n)
    rows: list[tuple[Ints, np.ndarray, Days, Days, np.ndarray]] = []

    def add(mask: Bools, kind: str, start: Days, end: Days, outcome: str | np.ndarray) -> None:
        """Proceedings of one kind for the periods in `mask` (arrays are per period)."""
        outcomes = np.full(n, outcome) if isinstance(outcome, str) else outcome
        rows.append((idx[mask], np.full(mask.sum(), kind), start[mask], end[mask], outcomes[mask]))

    co = pr.care_order
    # care proceedings: issued a few days before the interim order
    issued = pr.start - rng.integers(0, 5, n)
    issued = np.maximum(issued, pr.dob)
    care_end = np.where(pr.final != NA, pr.final, np.where(pr.end <= reference, pr.end, NA))
    care_outcome = np.where(
        pr.final != NA,
        "care_order",
        np.where(pr.route == HOME, "supervision_order", "child_arrangements"),
    )
    care_outcome = np.where(pr.route == ADOPT, "placement_order", care_outcome)
    add(co, "care", issued, care_end, care_outcome)
    # Pre-proceedings before some applications: it ends when proceedings are issued, with
    # the outcome the proceedings reached (open while they are still running).
    plo_start = np.maximum(issued - rng.integers(30, 120, n), pr.dob)
    plo = co & (rng.random(n) < 0.45) & (plo_start < issued - 14)
    care_done = (care_end != NA) & (care_end <= reference)
    add(plo, "pre_proceedings", plo_start, np.where(care_done, issued, NA), care_outcome)
    order_start = np.maximum(pr.end - rng.integers(90, 200, n), pr.start + 1)
    add(pr.route == SGO, "sgo", order_start, pr.end, "sgo")
    add(pr.route == CAO, "child_arrangements", order_start, pr.end, "child_arrangements")
    discharge = (pr.route == HOME) & (pr.final != NA) & (pr.final < pr.end - 60)
    d_start = np.maximum(pr.end - rng.integers(40, 150, n), pr.final + 1)
    add(discharge, "discharge", d_start, pr.end, "no_order")
    adopt = pr.decision != NA
    po_start = np.minimum(pr.decision + rng.integers(7, 30, n), pr.placement_order - 1)
    po_start = np.maximum(po_start, pr.decision)
    add(adopt, "placement_order", po_start, pr.placement_order, "placement_order")
    owner = np.concatenate([x[0] for x in rows])
    kind = np.concatenate([x[1] for x in rows])
    start = np.concatenate([x[2] for x in rows])
    end = np.concatenate([x[3] for x in rows])
    outcome = np.concatenate([x[4] for x in rows])
    keep = (start <= reference) & (start >= pr.dob[owner])
    owner, kind, start, end, outcome = (x[keep] for x in (owner, kind, start, end, outcome))
    closed = (end != NA) & (end <= reference)
    order = np.lexsort((kind, start))
    legal = frame(
        {
            "key": make_keys("LEG", len(owner), width=6),
            "child_id": keys[pr.child[owner]][order],
            "kind": kind[order],
            "started_on": date_series("s", start[order]),
            "ended_on": date_series("e", np.where(closed, end, NA)[order]),
            "outcome": or_none(closed, outcome)[order],
        },
        schema_overrides={"outcome": pl.String},
    )
    # Adoption: decisions (and a few decisions later reversed).
    a = np.flatnonzero(adopt & (pr.decision <= reference))
    reversed_ = np.flatnonzero(
        np.isin(pr.route, [LONG, SGO]) & ((pr.start - pr.dob) < 4 * YEAR) & (rng.random(n) < 0.08)
    )
    rev_decision = pr.start[reversed_] + rng.integers(150, 400, len(reversed_))
    rev_ceased = rev_decision + rng.integers(60, 300, len(reversed_))
    ok = (rev_decision <= reference) & (rev_ceased < pr.end[reversed_])
    reversed_, rev_decision, rev_ceased = reversed_[ok], rev_decision[ok], rev_ceased[ok]
    count = len(a) + len(reversed_)
    owner = np.concatenate([a, reversed_])
    decision = np.concatenate([pr.decision[a], rev_decision])
    po = np.concatenate([pr.placement_order[a], np.full(len(reversed_), NA)])
    matched = np.concatenate([pr.matched[a], np.full(len(reversed_), NA)])
    placed = np.concatenate([pr.placed[a], np.full(len(reversed_), NA)])
    order_day = np.concatenate([pr.end[a], np.full(len(reversed_), NA)])
    ceased = np.concatenate([np.full(len(a), NA), rev_ceased])
    ceased = np.where(ceased <= reference, ceased, NA)

    def known(days: Days) -> Days:
        return np.where((days != NA) & (days <= reference), days, NA)

    po, matched, placed, order_day = known(po), known(matched), known(placed), known(order_day)
    is_matched = matched != NA
    adopters = np.where(rng.random(count) < 0.12, 1, 2)
    u = rng.random(count)
    sex = np.where(
        adopters == 1,
        np.where(u < 0.85, "F1", "M1"),
        np.where(u < 0.85, "MF", np.where(u < 0.93, "FF", "MM")),
    )
    u2 = rng.random(count)
    legal_status = np.select(
        [adopters == 1, sex == "MF"],
        ["L0", np.where(u2 < 0.75, "L11", np.where(u2 < 0.95, "L3", "L2"))],
        np.where(u2 < 0.4, "L12", np.where(u2 < 0.8, "L2", "L4")),
    )
    if ctx.year < 2020:
        legal_status = np.where((sex == "MF") & (legal_status == "L2"), "L11", legal_status)
    ffa = rng.random(count) < 0.1
    with_carers = np.concatenate([adopted_by_carers[a], np.zeros(len(reversed_), bool)])
    by_foster = with_carers
    adoption = frame(
        {
            "key": make_keys("ADO", count, width=5),
            "child_id": keys[pr.child[owner]],
            "decision_on": date_series("d", decision),
            "placement_order_on": date_series("p", po),
            "matched_on": date_series("m", matched),
            "placed_on": date_series("pl", placed),
            "adoption_order_on": date_series("o", order_day),
            "ceased_on": date_series("c", ceased),
            "ceased_reason": or_none(
                ceased != NA,
                np.array(["RD1", "RD2", "RD3", "RD4"])[
                    rng.choice(4, count, p=[0.3, 0.25, 0.3, 0.15])
                ],
            ),
            "is_foster_for_adoption": ffa,
            "adopted_by_foster_carer": or_none(is_matched, by_foster),
            "adopter_count": or_none(is_matched, adopters),
            "adopter_sex": or_none(is_matched, sex),
            "adopter_legal_status": or_none(is_matched, legal_status),
        },
        schema_overrides={
            "ceased_reason": pl.String,
            "adopted_by_foster_carer": pl.Boolean,
            "adopter_count": pl.Int64,
            "adopter_sex": pl.String,
            "adopter_legal_status": pl.String,
        },
    ).sort("decision_on", "key")
    return {
        "legal_proceeding": legal,
        "adoption": adoption,
        "adopter_household": _adopters(ctx, rng, max(len(a), 3)),
    }


def _adopters(ctx: Context, rng: np.random.Generator, adoptions: int) -> pl.DataFrame:
    reference, window = ctx.reference, ctx.window_start
    years = (reference - window) / YEAR
    count = max(3, int(rng.poisson(adoptions / max(years, 1) * 1.6 * years)))
    enquiry = rng.integers(window - 365, reference + 1, count)
    s1 = np.where(rng.random(count) < 0.7, enquiry + rng.integers(20, 70, count), NA)
    s2 = np.where((s1 != NA) & (rng.random(count) < 0.85), s1 + rng.integers(50, 80, count), NA)
    approved = np.where(
        (s2 != NA) & (rng.random(count) < 0.9), s2 + rng.integers(90, 130, count), NA
    )
    matched = np.where(
        (approved != NA) & (rng.random(count) < 0.8), approved + rng.integers(30, 270, count), NA
    )
    placed = np.where(
        (matched != NA) & (rng.random(count) < 0.95), matched + rng.integers(14, 60, count), NA
    )
    stages = [enquiry, s1, s2, approved, matched, placed]

    def known(days: Days) -> Days:
        return np.where((days != NA) & (days <= reference), days, NA)

    s1, s2, approved, matched, placed = (known(x) for x in stages[1:])
    reached = np.select(
        [placed != NA, matched != NA, approved != NA, s2 != NA, s1 != NA],
        ["placed", "matched", "approved", "stage_2", "stage_1"],
        "enquiry",
    )
    last = np.max(np.column_stack([enquiry, s1, s2, approved, matched, placed]), axis=1)
    withdraws = (reached != "placed") & (rng.random(count) < 0.3)
    withdrawn = np.where(withdraws, last + rng.integers(10, 120, count), NA)
    withdrawn = known(withdrawn)
    stage = np.where(withdrawn != NA, "withdrawn", reached)
    keep = enquiry <= reference
    order = np.argsort(enquiry[keep], kind="stable")
    table = frame(
        {
            "enquiry_on": date_series("e", enquiry),
            "stage_1_started_on": date_series("a", s1),
            "stage_2_started_on": date_series("b", s2),
            "approved_on": date_series("c", approved),
            "matched_on": date_series("d", matched),
            "placed_on": date_series("f", placed),
            "withdrawn_on": date_series("g", withdrawn),
            "stage": stage,
            "adopter_count": np.where(rng.random(count) < 0.2, 1, 2),
        }
    ).filter(pl.Series(keep))[order]
    return table.with_columns(pl.Series("key", make_keys("ADH", table.height, width=5)))


def _previous_permanence(
    ctx: Context, rng: np.random.Generator, pr: Periods, keys: np.ndarray
) -> pl.DataFrame:
    since = day(dt.date(2016, 4, 1))
    rows = np.flatnonzero((pr.start >= since) & (pr.start >= ctx.window_start))
    count = len(rows)
    kind = np.array(["Z1", "P4", "P1", "P2", "P3"])[
        rng.choice(5, count, p=[0.85, 0.04, 0.03, 0.05, 0.03])
    ]
    has_order = np.isin(kind, ["P1", "P2", "P3"])
    span = np.maximum(pr.start[rows] - pr.dob[rows] - 60, 1)
    order_day = pr.dob[rows] + 30 + np.floor(rng.random(count) * span).astype(np.int64)
    exact = rng.random(count) < 0.75
    order_on = np.where(has_order & exact, order_day, NA)
    year = order_day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    text = or_none(has_order & ~exact, np.char.add("ZZ/ZZ/", year.astype(str)))
    la = np.where(
        rng.random(count) < 0.65,
        ctx.info.la_number,
        np.where(rng.random(count) < 0.8, "999", "NUK"),
    )
    return frame(
        {
            "key": make_keys("PP", count, width=5),
            "child_id": keys[pr.child[rows]],
            "kind": kind,
            "order_on": date_series("o", order_on),
            "order_date_text": text,
            "la_code": or_none(has_order, la),
        },
        schema_overrides={"order_date_text": pl.String, "la_code": pl.String},
    )

"""Contacts and early help: the front door of children's social care."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

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
    frame,
    or_none,
)
from lineofsight.synth.ids import keys as make_keys

SOURCES = np.array(
    [
        "1A",
        "1B",
        "1C",
        "1D",
        "2A",
        "2B",
        "3A",
        "3B",
        "3C",
        "3D",
        "3E",
        "3F",
        "4",
        "5A",
        "5B",
        "5C",
        "5D",
        "6",
        "7",
        "8",
        "9",
        "10",
    ]
)
_OTHER_WEIGHTS = {
    "1A": 0.14,
    "1B": 0.03,
    "1C": 0.03,
    "1D": 0.02,
    "4": 0.05,
    "5A": 0.10,
    "5B": 0.08,
    "5C": 0.08,
    "5D": 0.05,
    "7": 0.05,
    "8": 0.12,
    "9": 0.03,
    "10": 0.05,
}
_HEALTH_SPLIT = {"3A": 0.2, "3B": 0.25, "3C": 0.08, "3D": 0.12, "3E": 0.2, "3F": 0.15}
CONTACT_OUTCOMES = np.array(["nfa", "advice", "early_help", "referral", "existing_case"])
NFA, ADVICE, EARLY_HELP, REFERRAL, EXISTING = range(5)
EH_OUTCOMES = np.array(["needs_met", "stepped_up", "disengaged", "moved_away", "other"])
LEAD_AGENCIES = np.array(
    [
        "School",
        "Early help team",
        "Health visiting",
        "Children's centre",
        "Youth service",
        "School nursing",
        "Voluntary sector",
    ]
)


@dataclass
class FrontDoor:
    child: Ints  # index into children (new ones numbered after the skeleton's)
    day: Days
    minute: Ints
    outcome: Ints
    source: np.ndarray
    referral_contact: Ints  # for each referral, its contact row
    new_child_dob: Days
    mash: bool

    def __len__(self) -> int:
        return len(self.day)


def source_probabilities(ctx: Context) -> np.ndarray:
    t = ctx.targets
    weights = dict.fromkeys(SOURCES.tolist(), 0.0)
    weights["6"] = t.source_police
    weights["2A"] = t.source_school * 0.92
    weights["2B"] = t.source_school * 0.08
    for code, share in _HEALTH_SPLIT.items():
        weights[code] = t.source_health * share
    rest = max(1.0 - t.source_police - t.source_school - t.source_health, 0.05)
    total = sum(_OTHER_WEIGHTS.values())
    for code, share in _OTHER_WEIGHTS.items():
        weights[code] = rest * share / total
    values = np.array([weights[code] for code in SOURCES.tolist()])
    shares: np.ndarray = values / values.sum()
    return shares


def draw_sources(ctx: Context, rng: np.random.Generator, days: Days) -> np.ndarray:
    out = SOURCES[rng.choice(len(SOURCES), size=len(days), p=source_probabilities(ctx))]
    early = days < ctx.collection_from["RC9"]
    return np.where((out == "5D") & early, "5B", out)


def contact_minutes(rng: np.random.Generator, count: int) -> Ints:
    """Mostly office hours; some evenings; never 01:00-06:59."""
    office = 510 + rng.integers(0, 540, count)
    evening = 1050 + rng.integers(0, 390, count)
    late = rng.integers(0, 60, count)
    early = 420 + rng.integers(0, 90, count)
    pick = rng.random(count)
    return np.select([pick < 0.78, pick < 0.93, pick < 0.96], [office, evening, late], early)


def plan_contacts(ctx: Context) -> FrontDoor:
    rng = ctx.rng("frontdoor")
    sk = ctx.skeleton
    refs = sk.referrals
    n_ref = len(refs)
    window, reference = ctx.window_start, ctx.reference
    years = (reference - window + 1) / YEAR
    ratio = 2.2 + 1.4 * rng.random()
    other_total = int(rng.poisson(ctx.targets.referrals * (ratio - 1.0) * years))

    # 1. The contact behind each referral: same day, or a day or two before.
    ref_day = refs.start - np.where(rng.random(n_ref) < 0.7, 0, rng.integers(1, 3, n_ref))
    ref_day = np.maximum(ref_day, refs.start - 2)
    # 2. Contacts about children already known (not leading to a referral).
    n_sk = len(sk.dob)
    b18 = sk.b18
    known_n = int(other_total * 0.35)
    cand_child = rng.integers(0, max(n_sk, 1), known_n * 2)
    cand_day = rng.integers(window, reference + 1, known_n * 2)
    ok = (cand_day >= sk.dob[cand_child]) & (cand_day < b18[cand_child] - 1)
    known_child = cand_child[ok][:known_n]
    known_day = cand_day[ok][:known_n]
    # 3. Children only ever seen at the front door.
    new_contacts = other_total - len(known_child)
    per_child = 1 + (rng.random(new_contacts) < 0.25)
    n_new = int(np.ceil(new_contacts / per_child.mean())) if new_contacts else 0
    first = rng.integers(window, reference + 1, n_new)
    age = rng.random(n_new) * 17.9 * YEAR
    new_dob = first - np.round(age).astype(np.int64)
    again = rng.random(n_new) < 0.25
    second = first + rng.integers(30, 700, n_new)
    again &= (second <= reference) & (second < new_dob + 17.9 * YEAR)
    new_child = np.concatenate([np.arange(n_new), np.flatnonzero(again)]) + n_sk
    new_day = np.concatenate([first, second[again]])

    child = np.concatenate([refs.child, known_child, new_child]).astype(np.int64)
    day = np.concatenate([ref_day, known_day, new_day]).astype(np.int64)
    count = len(day)
    outcome = np.full(count, NFA, np.int64)
    outcome[:n_ref] = REFERRAL
    rest = rng.choice([NFA, ADVICE, EARLY_HELP], size=count - n_ref, p=[0.36, 0.34, 0.30])
    outcome[n_ref:] = rest
    # Contacts about a child whose case is open are "existing case".
    known = slice(n_ref, n_ref + len(known_child))
    open_now = _open_on(refs.child, refs.start, refs.end, known_child, known_day)
    outcome[known] = np.where(open_now, EXISTING, outcome[known])
    source = draw_sources(ctx, rng, day)
    uasc_ref = sk.uasc[refs.child] & (refs.cla_start != NA) & (refs.cla_start - refs.start < 5)
    source[:n_ref] = np.where(
        uasc_ref, rng.choice(np.array(["5C", "6", "8"]), n_ref), source[:n_ref]
    )
    order = np.lexsort((rng.random(count), day))
    inverse = np.empty(count, np.int64)
    inverse[order] = np.arange(count)
    return FrontDoor(
        child=child[order],
        day=day[order],
        minute=contact_minutes(rng, count)[order],
        outcome=outcome[order],
        source=source[order],
        referral_contact=inverse[:n_ref],
        new_child_dob=new_dob,
        mash=bool(rng.random() < 0.85),
    )


def _open_on(owner: Ints, start: Days, end: Days, who: Ints, when: Days) -> Bools:
    """Whether `who` had a referral open on `when` (referrals sorted by owner, start)."""
    if len(who) == 0:
        return np.zeros(0, bool)
    base = int(min(start.min(), when.min())) - 1
    key = owner * (1 << 22) + (start - base)
    probe = who * (1 << 22) + (when - base)
    idx = np.searchsorted(key, probe, side="right") - 1
    idx = np.maximum(idx, 0)
    result: Bools = (owner[idx] == who) & (start[idx] <= when) & (end[idx] > when)
    return result


def contact_frame(ctx: Context, fd: FrontDoor, decided_by: np.ndarray) -> pl.DataFrame:
    rng = ctx.rng("frontdoor")
    count = len(fd)
    assert ctx.children is not None
    quick = rng.random(count) < 0.82
    decision_day = np.where(quick, fd.day, add_working_days(fd.day, 1))
    decision_day = np.where(fd.outcome == REFERRAL, np.maximum(decision_day, fd.day), decision_day)
    referral_days = ctx.skeleton.referrals.start
    is_ref = np.flatnonzero(fd.outcome == REFERRAL)
    ref_rows = np.empty(count, np.int64)
    ref_rows[fd.referral_contact] = np.arange(len(fd.referral_contact))
    decision_day[is_ref] = referral_days[ref_rows[is_ref]]
    same_day = decision_day == fd.day
    decision_minute = np.where(
        same_day,
        np.minimum(fd.minute + rng.integers(20, 300, count), 1439),
        540 + rng.integers(0, 480, count),
    )
    decision_minute = np.where(same_day & (fd.minute < 60), fd.minute + 1, decision_minute)
    decided = decision_day <= ctx.reference
    threshold = np.select(
        [fd.outcome == REFERRAL, fd.outcome == EXISTING, fd.outcome == EARLY_HELP],
        [
            rng.choice(np.array(["3", "4"]), count, p=[0.55, 0.45]),
            np.full(count, "3"),
            np.full(count, "2"),
        ],
        rng.choice(np.array(["1", "2"]), count, p=[0.6, 0.4]),
    )
    concerns = CONCERNS[rng.integers(0, len(CONCERNS), count)]
    table = frame(
        {
            "key": make_keys("CON", count, width=7),
            "child_id": np.array(ctx.children.keys)[fd.child],
            "received_at": datetime_series("received_at", fd.day, fd.minute),
            "source": fd.source,
            "concerns": concerns,
            "threshold_level": threshold,
            "decision_at": datetime_series(
                "decision_at", np.where(decided, decision_day, NA), decision_minute
            ),
            "outcome": or_none(decided, CONTACT_OUTCOMES[fd.outcome]),
            "is_mash": np.full(count, fd.mash),
            "decided_by_id": decided_by,
        }
    )
    return table


CONCERNS = np.array(
    [
        "Domestic abuse incident reported by police; children present in the home.",
        "School concerned about the child's attendance and appearance.",
        "Health visitor worried about home conditions and the baby's weight.",
        "Parent asking for help managing the child's behaviour.",
        "Neighbour reports children left alone at home overnight.",
        "Child disclosed an injury at school; explanation unclear.",
        "Mother's mental health has deteriorated; limited support network.",
        "Young person missing overnight; concerns about exploitation.",
        "Parental substance misuse reported by adult services.",
        "Request for support following bereavement in the family.",
        "Housing reports overcrowding and disrepair affecting the children.",
        "GP concerned about neglect of the child's medical needs.",
        "Young person presenting as homeless, asking for accommodation.",
        "Police attended a disturbance at the address; no injuries.",
        "Hospital reports an unexplained injury to an infant.",
        "Concerns raised anonymously about the care of the children.",
        "Child arrived unaccompanied and is seeking asylum.",
        "Pregnant woman known to services; previous children removed.",
    ]
)


def early_help_frame(
    ctx: Context, fd: FrontDoor, teams: np.ndarray, ref_keys: np.ndarray
) -> pl.DataFrame:
    """Early help episodes: from contacts and from referrals stepped down."""
    rng = ctx.rng("frontdoor")
    assert ctx.children is not None
    refs = ctx.skeleton.referrals
    from_contact = np.flatnonzero(fd.outcome == EARLY_HELP)
    stepped = np.flatnonzero(
        refs.not_in_need
        & (refs.end <= ctx.reference)
        & (refs.end >= ctx.window_start)
        & (rng.random(len(refs)) < 0.35)
    )
    child = np.concatenate([fd.child[from_contact], refs.child[stepped]])
    start = np.concatenate(
        [
            fd.day[from_contact] + rng.integers(1, 15, len(from_contact)),
            refs.end[stepped] + rng.integers(0, 10, len(stepped)),
        ]
    )
    down_from = np.concatenate(
        [np.full(len(from_contact), None, dtype=object), ref_keys[stepped].astype(object)]
    )
    count = len(child)
    assess_start = start + rng.integers(0, 15, count)
    assess_done = assess_start + rng.integers(5, 40, count)
    plan_start = assess_done + rng.integers(0, 10, count)
    length = rng.gamma(1.5, 1 / 1.5, count) * 180 + 30
    end = np.maximum(start + np.round(length).astype(np.int64), plan_start + 14)
    dob = ctx.children.dob[child]
    keep = (start <= ctx.reference) & (start < dob + 18 * YEAR - 30)
    end = np.minimum(end, add_years(dob, 18))
    assess_start = np.minimum(assess_start, end)
    assess_done = np.minimum(assess_done, end)
    plan_start = np.minimum(plan_start, end)
    outcome = EH_OUTCOMES[rng.choice(5, count, p=[0.55, 0.12, 0.18, 0.08, 0.07])]
    has_plan = rng.random(count) < 0.8
    table = frame(
        {
            "child_id": np.array(ctx.children.keys)[child],
            "started_on": date_series("started_on", start),
            "assessment_started_on": date_series(
                "a", np.where(assess_start <= ctx.reference, assess_start, NA)
            ),
            "assessment_completed_on": date_series(
                "b", np.where(assess_done <= ctx.reference, assess_done, NA)
            ),
            "lead_agency": LEAD_AGENCIES[rng.integers(0, len(LEAD_AGENCIES), count)],
            "plan_started_on": date_series(
                "c", np.where(has_plan & (plan_start <= ctx.reference), plan_start, NA)
            ),
            "ended_on": date_series("d", ctx.clip(end)),
            "outcome": or_none(end <= ctx.reference, outcome),
            "stepped_down_from_id": down_from,
            "team_id": teams[rng.integers(0, len(teams), count)] if len(teams) else None,
        }
    ).filter(pl.Series(keep))
    table = table.sort("started_on")
    return table.with_columns(pl.Series("key", make_keys("EH", table.height)))

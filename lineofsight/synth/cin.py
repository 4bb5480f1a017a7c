"""Children in need: referrals, assessments, S47 enquiries, conferences, CP and CIN plans."""

from __future__ import annotations

import numpy as np
import polars as pl

from lineofsight.core.domain.published import DATA_ROOT, factor_weights
from lineofsight.synth.allocation import Allocations, worker_on
from lineofsight.synth.calendar import add_working_days
from lineofsight.synth.context import Context
from lineofsight.synth.dates import NA, Bools, Days, Ints, date_series, frame, group_starts, or_none
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.recurring import series
from lineofsight.synth.skeleton import (
    ADOPT,
    CAO,
    CP_END_REASONS,
    CP_MOVED,
    OTHER,
    SGO,
)
from lineofsight.synth.workforce import CHAIR, MANAGER, Workforce

NEEDS = np.array(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "N0"])
NEED_P = np.array([0.55, 0.04, 0.04, 0.09, 0.15, 0.03, 0.005, 0.035, 0.05, 0.01])
CATEGORIES = np.array(["NEG", "PHY", "SAB", "EMO", "MUL"])
CATEGORY_P = np.array([0.48, 0.08, 0.045, 0.37, 0.025])


class ReferralKeys:
    """Referral natural keys in date order, and the row order that gives it."""

    def __init__(self, ctx: Context):
        r = ctx.skeleton.referrals
        order = np.lexsort((r.child, r.start))
        self.keys = np.empty(len(r), dtype=object)
        width = max(6, len(str(len(r))))
        self.keys[order] = make_keys("REF", len(r), width=width)


def _worker_ids(wf: Workforce, rows: Ints) -> np.ndarray:
    return or_none(rows >= 0, wf.worker_id[np.maximum(rows, 0)])


def primary_need(ctx: Context) -> np.ndarray:
    rng = ctx.rng("cin")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    n = len(r)
    need = NEEDS[rng.choice(len(NEEDS), n, p=NEED_P)]
    disabled = ctx.children.disabled[r.child]
    need = np.where(disabled & (rng.random(n) < 0.55), "N2", need)
    need = np.where((r.cp_start != NA) & (rng.random(n) < 0.85), "N1", need)
    need = np.where(ctx.children.uasc[r.child], "N8", need)
    return or_none(~(r.nfa), need)


def closure_reasons(ctx: Context) -> np.ndarray:
    rng = ctx.rng("cin")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    n = len(r)
    b18 = ctx.children.b18[r.child]
    care_closes = (r.cla_start != NA) & (r.end == r.cla_end)
    route = r.cla_route
    reason = np.full(n, "RC7", dtype=object)
    late = r.end >= ctx.collection_from["RC9"]
    # RC8/RC9 close a case after an assessment alone: one that had a section 47 is RC7 (2990).
    after_assessment = np.where(late & (rng.random(n) < 0.35), "RC9", "RC8")
    reason = np.where(r.not_in_need & (r.s47_start == NA), after_assessment, reason)
    reason = np.where(
        (r.cp_start != NA) & (r.cp_reason == CP_MOVED) & (r.end == r.cp_end), "RC5", reason
    )
    reason = np.where(care_closes & (route == ADOPT), "RC1", reason)
    reason = np.where(care_closes & (route == SGO), "RC4", reason)
    reason = np.where(care_closes & (route == CAO), "RC3", reason)
    reason = np.where(care_closes & (route == OTHER) & (rng.random(n) < 0.5), "RC5", reason)
    disabled = ctx.children.disabled[r.child]
    reason = np.where((r.end >= b18) & disabled & (rng.random(n) < 0.5), "RC6", reason)
    reason = np.where(r.nfa, "RC7", reason)
    return or_none(r.end <= ctx.reference, reason)


def referral_frame(
    ctx: Context,
    ref_keys: ReferralKeys,
    contact_keys: np.ndarray,
    contact_source: np.ndarray,
    referral_contact: Ints,
    sw: Allocations,
    wf: Workforce,
) -> pl.DataFrame:
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    worker = worker_on(sw, r.child, np.where(r.asmt_start != NA, r.asmt_start, r.start) + 1)
    mash = np.flatnonzero(wf.team_code == "MASH")[0]
    team_rows = np.where(worker >= 0, wf.worker_team[np.maximum(worker, 0)], mash)
    table = frame(
        {
            "key": ref_keys.keys,
            "child_id": np.array(ctx.children.keys)[r.child],
            "contact_id": contact_keys[referral_contact],
            "referred_on": date_series("referred_on", r.start),
            "source": contact_source[referral_contact],
            "primary_need": primary_need(ctx),
            "is_nfa": r.nfa,
            "closed_on": date_series("closed_on", ctx.clip(r.end)),
            "closure_reason": closure_reasons(ctx),
            "team_id": wf.team_code[team_rows],
            "worker_id": _worker_ids(wf, worker),
        }
    )
    return table.sort("referred_on", "key")


def cin_frames(
    ctx: Context, ref_keys: ReferralKeys, sw: Allocations, wf: Workforce
) -> dict[str, pl.DataFrame]:
    rng = ctx.rng("cin")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    reference = ctx.reference
    keys = ref_keys.keys
    n = len(r)
    dob = ctx.children.dob[r.child]
    out: dict[str, pl.DataFrame] = {}

    # ---- assessments
    has = (r.asmt_start != NA) & (r.asmt_start <= reference)
    rows = np.flatnonzero(has)
    a_start, a_end = r.asmt_start[rows], r.asmt_end[rows]
    done = a_end <= reference
    seen = a_start + rng.integers(0, 8, len(rows))
    seen = np.minimum(seen, np.where(done, a_end, reference))
    seen = np.where(seen < dob[rows], NA, seen)
    seen = np.where(rng.random(len(rows)) < 0.03, NA, seen)
    outcome = np.select(
        [
            r.cla_start[rows] != NA,
            r.s47_start[rows] != NA,
            r.not_in_need[rows],
            r.cin1_start[rows] != NA,
        ],
        ["looked_after", "s47", "nfa", "cin_plan"],
        "other",
    )
    outcome = np.where((outcome == "nfa") & (rng.random(len(rows)) < 0.25), "early_help", outcome)
    assessor = worker_on(sw, r.child[rows], a_start + 1)
    width = max(6, len(str(len(rows))))
    a_keys = make_keys("ASM", len(rows), width=width)
    order = np.argsort(a_start, kind="stable")
    a_keys_sorted = np.empty(len(rows), dtype=object)
    a_keys_sorted[order] = a_keys
    out["assessment"] = frame(
        {
            "key": a_keys_sorted,
            "referral_id": keys[rows],
            "started_on": date_series("s", a_start),
            "child_seen_on": date_series("c", seen),
            "authorised_on": date_series("a", np.where(done, a_end, NA)),
            "outcome": or_none(done, outcome),
            "assessed_by_id": _worker_ids(wf, assessor),
        }
    ).sort("started_on", "key")
    out["assessment_factor"] = _factors(
        ctx,
        rng,
        a_keys_sorted[done],
        a_end[done],
        r.not_in_need[rows][done],
        ctx.children.uasc[r.child[rows]][done],
    )

    # ---- CIN plans and reviews
    parts = []
    for s, e in ((r.cin1_start, r.cin1_end), (r.cin2_start, r.cin2_end)):
        sel = np.flatnonzero((s != NA) & (s <= reference))
        parts.append((sel, s[sel], e[sel]))
    p_ref = np.concatenate([p[0] for p in parts])
    p_start = np.concatenate([p[1] for p in parts])
    p_end = np.concatenate([p[2] for p in parts])
    order = np.lexsort((p_ref, p_start))
    p_ref, p_start, p_end = p_ref[order], p_start[order], p_end[order]
    width = max(6, len(str(len(p_ref))))
    plan_keys = make_keys("CINP", len(p_ref), width=width)
    out["cin_plan"] = frame(
        {
            "key": plan_keys,
            "referral_id": keys[p_ref],
            "started_on": date_series("s", p_start),
            "ended_on": date_series("e", ctx.clip(p_end)),
        }
    )
    owner, held = series(rng, p_start, np.minimum(p_end, reference + 1), 84, 91, jitter=12)
    keep = held >= ctx.window_start
    owner, held = owner[keep], held[keep]
    out["cin_plan_review"] = frame(
        {
            "key": make_keys("CINR", len(owner), width=7),
            "cin_plan_id": plan_keys[owner],
            "held_on": date_series("h", held),
        }
    )

    # ---- strategy discussions and section 47 enquiries
    s47_rows = np.flatnonzero((r.s47_start != NA) & (r.s47_start <= reference))
    no_s47 = np.flatnonzero(
        (r.s47_start == NA) & (r.asmt_start != NA) & ~r.nfa & (rng.random(n) < 0.12)
    )
    no_s47_day = add_working_days(r.asmt_start[no_s47], rng.integers(0, 5, len(no_s47)))
    keep = no_s47_day <= np.minimum(reference, r.end[no_s47])
    no_s47, no_s47_day = no_s47[keep], no_s47_day[keep]
    sd_ref = np.concatenate([s47_rows, no_s47])
    sd_day = np.concatenate([r.s47_start[s47_rows], no_s47_day])
    sd_decision = np.concatenate([np.full(len(s47_rows), "s47"), np.full(len(no_s47), "no_s47")])
    order = np.lexsort((sd_ref, sd_day))
    sd_ref, sd_day, sd_decision = sd_ref[order], sd_day[order], sd_decision[order]
    sd_count = len(sd_ref)
    sd_keys = make_keys("SD", sd_count, width=6)
    sd_team = _team_of(wf, worker_on(sw, r.child[sd_ref], sd_day), rng, "safeguarding")
    chair = wf.pick(rng, sd_team, {MANAGER}, sd_day)
    out["strategy_discussion"] = frame(
        {
            "key": sd_keys,
            "referral_id": keys[sd_ref],
            "held_on": date_series("h", sd_day),
            "police_attended": rng.random(sd_count) < 0.88,
            "health_attended": rng.random(sd_count) < 0.62,
            "education_attended": rng.random(sd_count) < 0.55,
            "other_attended": rng.random(sd_count) < 0.25,
            "decision": sd_decision,
            "chaired_by_id": _worker_ids(wf, chair),
        }
    )
    sd_of_ref = np.full(n, None, dtype=object)
    is_s47 = sd_decision == "s47"
    sd_of_ref[sd_ref[is_s47]] = sd_keys[is_s47]
    rows = s47_rows
    completed = r.s47_end[rows] <= reference
    icpc = (r.icpc_date[rows] != NA) & (r.icpc_date[rows] <= reference)
    s47_outcome = np.where(
        icpc,
        "icpc",
        np.where(rng.random(len(rows)) < 0.35, "substantiated", "not_substantiated"),
    )
    pending_icpc = (r.icpc_date[rows] != NA) & ~icpc
    target = add_working_days(r.s47_start[rows], 15)
    has_target = (r.icpc_date[rows] != NA) & (target <= reference)
    s47_keys = make_keys("S47", len(rows), width=6)
    out["section47_enquiry"] = frame(
        {
            "key": s47_keys,
            "referral_id": keys[rows],
            "strategy_discussion_id": sd_of_ref[rows],
            "started_on": date_series("s", r.s47_start[rows]),
            "outcome": or_none(completed & ~pending_icpc, s47_outcome),
            "icpc_not_required": completed & (r.icpc_date[rows] == NA),
            "icpc_target_on": date_series("t", np.where(has_target, target, NA)),
            "completed_on": date_series("c", np.where(completed, r.s47_end[rows], NA)),
        }
    ).sort("started_on", "key")
    s47_of_ref = np.full(n, None, dtype=object)
    s47_of_ref[rows] = s47_keys

    # ---- CP plans
    rows = np.flatnonzero((r.cp_start != NA) & (r.cp_start <= reference))
    count = len(rows)
    initial = CATEGORIES[rng.choice(5, count, p=CATEGORY_P)]
    changed = rng.random(count) < 0.1
    latest = np.where(changed, CATEGORIES[rng.choice(5, count, p=CATEGORY_P)], initial)
    ended = r.cp_end[rows] <= reference
    cp_keys = make_keys("CPP", count, width=6)
    order = np.argsort(r.cp_start[rows], kind="stable")
    sorted_keys = np.empty(count, dtype=object)
    sorted_keys[order] = cp_keys
    cp_keys = sorted_keys
    out["cp_plan"] = frame(
        {
            "key": cp_keys,
            "referral_id": keys[rows],
            "started_on": date_series("s", r.cp_start[rows]),
            "ended_on": date_series("e", np.where(ended, r.cp_end[rows], NA)),
            "initial_category": initial,
            "latest_category": latest,
            "previous_plans_count": r.cp_prev[rows],
            "end_reason": or_none(
                ended, np.array(CP_END_REASONS)[np.maximum(r.cp_reason[rows], 0)]
            ),
        }
    ).sort("started_on", "key")
    cp_of_ref = np.full(n, None, dtype=object)
    cp_of_ref[rows] = cp_keys

    # ---- conferences: initial (or pre-birth), reviews, and the one that ends a plan
    iro_team = np.full(1, wf.teams_of_area("iro")[0])
    ic = np.flatnonzero((r.icpc_date != NA) & (r.icpc_date <= reference))
    ic_day = r.icpc_date[ic]
    ic_kind = np.where(ic_day < dob[ic], "pre_birth", "initial")
    ic_outcome = np.where(r.cp_start[ic] != NA, "plan", "no_plan")
    on_time = rng.random(len(rows)) < ctx.targets.cp_reviewed
    first_gap = np.where(on_time, rng.integers(70, 91, len(rows)), rng.integers(95, 130, len(rows)))
    cp_s, cp_e = r.cp_start[rows], np.minimum(r.cp_end[rows], reference + 1)
    owner1, day1 = series(rng, cp_s, cp_e, first_gap, 10**6)
    owner2, day2 = series(rng, cp_s + first_gap, cp_e, 182, 182, jitter=10)
    rv_owner = np.concatenate([owner1, owner2])
    rv_day = np.concatenate([day1, day2])
    ends = np.flatnonzero((r.cp_end[rows] <= reference) & np.isin(r.cp_reason[rows], [0, 2, 5]))
    conf_ref = np.concatenate([ic, rows[rv_owner], rows[ends]])
    conf_day = np.concatenate([ic_day, rv_day, r.cp_end[rows[ends]]])
    conf_kind = np.concatenate([ic_kind, np.full(len(rv_owner) + len(ends), "review")])
    conf_outcome = np.concatenate(
        [ic_outcome, np.full(len(rv_owner), "plan_continues"), np.full(len(ends), "plan_ends")]
    )
    is_initial = np.arange(len(conf_ref)) < len(ic)
    conf_s47 = or_none(is_initial, s47_of_ref[conf_ref])
    conf_plan = or_none(~(is_initial & (conf_outcome == "no_plan")), cp_of_ref[conf_ref])
    m = len(conf_ref)
    chair = wf.pick(rng, np.repeat(iro_team, m), {CHAIR}, conf_day)
    minutes = add_working_days(conf_day, rng.integers(1, 16, m))
    order = np.lexsort((conf_ref, conf_day))
    out["conference"] = frame(
        {
            "key": make_keys("CONF", m, width=6),
            "referral_id": keys[conf_ref[order]],
            "section47_enquiry_id": conf_s47[order],
            "cp_plan_id": conf_plan[order],
            "kind": conf_kind[order],
            "held_on": date_series("h", conf_day[order]),
            "police_attended": (rng.random(m) < 0.7)[order],
            "health_attended": (rng.random(m) < 0.75)[order],
            "education_attended": (rng.random(m) < 0.6)[order],
            "outcome": conf_outcome[order],
            "chaired_by_id": _worker_ids(wf, chair)[order],
            "minutes_distributed_on": date_series(
                "m", np.where(minutes <= reference, minutes, NA)[order]
            ),
        }
    )
    # ---- core groups: within 10 working days of the plan, then about every six weeks
    owner, held = series(rng, cp_s, cp_e, 10, 30, working_days=True, jitter=3)
    keep = held >= ctx.window_start
    owner, held = owner[keep], held[keep]
    out["core_group"] = frame(
        {
            "key": make_keys("CG", len(owner), width=7),
            "cp_plan_id": cp_keys[owner] if len(owner) else np.array([], dtype=object),
            "held_on": date_series("h", held),
            "attended_by_agencies": rng.integers(1, 6, len(owner)),
        }
    )
    return out


def _team_of(wf: Workforce, worker: Ints, rng: np.random.Generator, area: str) -> Ints:
    fallback = wf.teams_of_area(area)
    if len(fallback) == 0:
        fallback = np.arange(len(wf.team_code))
    default = fallback[rng.integers(0, len(fallback), len(worker))]
    return np.where(worker >= 0, wf.worker_team[np.maximum(worker, 0)], default)


def _factors(
    ctx: Context,
    rng: np.random.Generator,
    assessment_keys: np.ndarray,
    done_on: Days,
    not_in_need: Bools,
    uasc: Bools,
) -> pl.DataFrame:
    weights = factor_weights(DATA_ROOT, ctx.year)
    codes = np.array(list(weights))
    base = np.array(list(weights.values()), dtype=np.float64)
    count = len(assessment_keys)
    n_factors = np.clip(rng.poisson(1.6, count) + 1, 1, 5)
    owner = np.repeat(np.arange(count), n_factors)
    p = base / base.sum()
    code = codes[rng.choice(len(codes), len(owner), p=p)]
    day = done_on[owner]
    old = day < ctx.collection_from["18B"]
    code = np.where(old & np.isin(code, ["18B", "18C"]), "18A", code)
    code = np.where(old & np.isin(code, ["19B", "19C"]), "19A", code)
    code = np.where((day < ctx.collection_from["24A"]) & (code == "24A"), "13A", code)
    code = np.where(uasc[owner] & group_starts(owner), "9A", code)
    code = np.where((code == "9A") & ~uasc[owner], "4B", code)
    # "no factors" stands alone
    alone = not_in_need & (rng.random(count) < 0.15)
    first = group_starts(owner)
    drop = alone[owner] & ~first
    code = np.where(alone[owner] & first, "21", code)
    owner, code = owner[~drop], code[~drop]
    table = frame({"owner": owner, "factor": code}).unique(maintain_order=True)
    return frame(
        {
            "key": make_keys("AF", table.height, width=7),
            "assessment_id": assessment_keys[table["owner"].to_numpy()],
            "factor": table["factor"],
        }
    )

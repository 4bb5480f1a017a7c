"""Who holds each case: team spells from the skeleton, then workers allocated to them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from lineofsight.synth.context import Context
from lineofsight.synth.dates import (
    NA,
    YEAR,
    Days,
    Ints,
    add_years,
    date_series,
    frame,
    group_ends,
    group_starts,
    next_value,
    or_none,
)
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.workforce import (
    ASSESSMENT,
    CARE_LEAVERS,
    CASE_HOLDING,
    CHILDREN_IN_CARE,
    DISABILITIES,
    FSW,
    IRO,
    MANAGER,
    PA,
    SAFEGUARDING,
    Workforce,
)

IRO_KIND = 5
FAR = 10**7


@dataclass
class Spells:
    child: Ints
    referral: Ints  # -1 when not tied to a referral (personal adviser)
    kind: Ints
    start: Days
    end: Days  # may run past 31 March

    def take(self, index: Ints) -> Spells:
        return Spells(
            self.child[index],
            self.referral[index],
            self.kind[index],
            self.start[index],
            self.end[index],
        )


def team_spells(ctx: Context) -> Spells:
    """Assessment, safeguarding / children-in-care / disabilities, leaving care, IRO spells."""
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    n = len(r)
    idx = np.arange(n)
    assessed = ~r.nfa
    a0 = np.where(assessed, np.minimum(r.asmt_start, r.start + 5), r.start)
    a0 = np.maximum(a0, r.start)
    nxt = np.full(n, FAR, np.int64)
    for column in (r.cin1_start, r.cp_start, r.cla_start, r.cin2_start):
        nxt = np.where((column != NA) & (column < nxt), column, nxt)
    p1 = np.minimum(nxt, r.end)
    parts: list[tuple[Ints, Ints, Ints, Days, Days]] = []
    disabled = ctx.children.disabled[r.child] & (ctx.rng("allocation").random(n) < 0.7)
    sg_kind = np.where(disabled, DISABILITIES, SAFEGUARDING)
    cic_kind = np.where(disabled, DISABILITIES, CHILDREN_IN_CARE)
    ok = assessed & (p1 > a0)
    parts.append((r.child[ok], idx[ok], np.full(ok.sum(), ASSESSMENT), a0[ok], p1[ok]))
    has_care = r.cla_start != NA
    # before care (or the whole rest when there is no care)
    before_end = np.where(has_care, r.cla_start, r.end)
    ok = assessed & (before_end > p1)
    parts.append((r.child[ok], idx[ok], sg_kind[ok], p1[ok], before_end[ok]))
    ok = has_care
    parts.append((r.child[ok], idx[ok], cic_kind[ok], r.cla_start[ok], r.cla_end[ok]))
    parts.append(
        (r.child[ok], idx[ok], np.full(ok.sum(), IRO_KIND), r.cla_start[ok], r.cla_end[ok])
    )
    ok = has_care & (r.end > r.cla_end)
    parts.append((r.child[ok], idx[ok], sg_kind[ok], r.cla_end[ok], r.end[ok]))
    # Personal advisers: from 16 (or leaving care after 16) to 21, for eligible young people.
    dob = ctx.children.dob[r.child]
    eligible = (
        has_care
        & (r.cla_end - dob >= 16 * YEAR)
        & (r.cla_end - np.maximum(r.cla_start, dob + 14 * YEAR) >= 91)
    )
    pa_start = np.maximum(add_years(dob, 16), r.cla_start + 91)
    pa_end = add_years(dob, 21)
    ok = eligible & (pa_end > pa_start)
    parts.append(
        (
            r.child[ok],
            np.full(ok.sum(), -1),
            np.full(ok.sum(), CARE_LEAVERS),
            pa_start[ok],
            pa_end[ok],
        )
    )
    child, ref, kind, start, end = (np.concatenate(x) for x in zip(*parts, strict=True))
    order = np.lexsort((start, child))
    return Spells(child[order], ref[order], kind[order], start[order], end[order])


def open_by_kind(ctx: Context, spells: Spells) -> dict[int, float]:
    """Average open spells by kind over the last four quarter-ends."""
    out: dict[int, float] = {}
    days = [ctx.reference - q * 91 for q in range(4)]
    for kind in (ASSESSMENT, SAFEGUARDING, CHILDREN_IN_CARE, DISABILITIES, CARE_LEAVERS):
        sel = spells.kind == kind
        counts = [int(((spells.start[sel] <= d) & (spells.end[sel] > d)).sum()) for d in days]
        out[kind] = float(np.mean(counts))
    return out


@dataclass
class Allocations:
    child: Ints
    worker: Ints  # -1 none
    team: Ints
    role: np.ndarray
    start: Days
    end: Days
    reason: np.ndarray
    referral: Ints

    def social_work(self) -> Allocations:
        sel = np.isin(self.role, ["social_worker", "held_by_manager", "duty"])
        return Allocations(*(getattr(self, f)[sel] for f in self.__dataclass_fields__))


def allocate(ctx: Context, spells: Spells, wf: Workforce) -> Allocations:
    rng = ctx.rng("allocation")
    horizon = ctx.window_start - int(2 * YEAR)
    reference = ctx.reference
    keep = (spells.end > horizon) & (spells.start <= reference) & (spells.end > spells.start)
    sp = spells.take(np.flatnonzero(keep))
    start = np.maximum(sp.start, horizon)
    end = sp.end
    # team for each spell: the child's locality team of that kind
    team = np.full(len(sp.child), -1, np.int64)
    for kind, teams in wf.teams_by_kind.items():
        sel = sp.kind == kind
        team[sel] = teams[sp.child[sel] % len(teams)]
    iro_team = wf.teams_of_area("iro")[0]
    team[sp.kind == IRO_KIND] = iro_team
    # Random reallocations within a spell (caseload management, absence, requests).
    live_end = np.minimum(end, reference)
    years = np.maximum(live_end - start, 0) / YEAR
    rate = np.where(sp.kind == IRO_KIND, 0.15, np.where(sp.kind == CARE_LEAVERS, 0.25, 0.35))
    breaks = rng.poisson(rate * years)
    spell_of = np.repeat(np.arange(len(start)), breaks + 1)
    first = group_starts(spell_of)
    u = rng.random(len(spell_of))
    cut = start[spell_of] + np.round(u * (live_end[spell_of] - start[spell_of])).astype(np.int64)
    cut = np.where(first, start[spell_of], cut)
    order = np.lexsort((cut, spell_of))
    spell_of, cut = spell_of[order], cut[order]
    first = group_starts(spell_of)
    seg_end = next_value(cut, 0)
    last = group_ends(spell_of)
    seg_end = np.where(last, end[spell_of], seg_end)
    seg_start = cut
    ok = seg_end > seg_start
    spell_of, seg_start, seg_end, first = spell_of[ok], seg_start[ok], seg_end[ok], first[ok]
    other = np.array(["MANAGE", "ORGRST", "ABSENC", "CHCHAN", "PCCHAN", "OTHERS"])
    reason = np.where(
        first,
        np.where(sp.kind[spell_of] == ASSESSMENT, "FCONTA", "TSPROC"),
        other[rng.choice(6, len(spell_of), p=[0.45, 0.15, 0.15, 0.08, 0.07, 0.10])],
    )
    roles_for = {
        "social_worker": CASE_HOLDING,
        "personal_adviser": {PA},
        "iro": {IRO},
    }
    alloc_role = np.where(
        sp.kind[spell_of] == IRO_KIND,
        "iro",
        np.where(sp.kind[spell_of] == CARE_LEAVERS, "personal_adviser", "social_worker"),
    )
    out_child: list[Ints] = []
    out_worker: list[Ints] = []
    out_team: list[Ints] = []
    out_role: list[np.ndarray] = []
    out_start: list[Days] = []
    out_end: list[Days] = []
    out_reason: list[np.ndarray] = []
    out_spell: list[Ints] = []
    pending = np.arange(len(spell_of))
    p_start, p_end, p_reason = seg_start.copy(), seg_end.copy(), reason.copy()
    for _ in range(40):
        if len(pending) == 0:
            break
        worker = np.full(len(pending), -1, np.int64)
        for role_name, roles in roles_for.items():
            sel = alloc_role[pending] == role_name
            worker[sel] = wf.pick(rng, team[spell_of[pending[sel]]], roles, p_start[pending[sel]])
        found = worker >= 0
        w_end = np.where(found, wf.occ_end[np.maximum(worker, 0)], 0)
        # a held case when nobody is free: duty for up to three weeks
        this_end = np.where(
            found,
            np.minimum(p_end[pending], w_end),
            np.minimum(p_end[pending], p_start[pending] + 21),
        )
        out_child.append(sp.child[spell_of[pending]])
        out_worker.append(worker)
        out_team.append(team[spell_of[pending]])
        out_role.append(np.where(found, alloc_role[pending], "duty"))
        out_start.append(p_start[pending])
        out_end.append(this_end)
        out_reason.append(p_reason[pending])
        out_spell.append(spell_of[pending])
        more = this_end < p_end[pending]
        p_start[pending[more]] = this_end[more]
        p_reason[pending[more]] = np.where(found[more], "LEFTRL", "OTHERS")
        pending = pending[more]
    child = np.concatenate(out_child)
    worker = np.concatenate(out_worker)
    teams = np.concatenate(out_team)
    role = np.concatenate(out_role)
    a_start = np.concatenate(out_start)
    a_end = np.concatenate(out_end)
    a_reason = np.concatenate(out_reason)
    spell = np.concatenate(out_spell)
    # nobody free: social work cases sit on duty; IRO and adviser spells just wait
    social = ~np.isin(sp.kind[spell], [IRO_KIND, CARE_LEAVERS])
    ok = (a_end > a_start) & ((role != "duty") | social)
    child, worker, teams, role = child[ok], worker[ok], teams[ok], role[ok]
    a_start, a_end, a_reason, spell = a_start[ok], a_end[ok], a_reason[ok], spell[ok]
    # Family support alongside some safeguarding spells.
    fs = np.flatnonzero(
        (sp.kind[spell] == SAFEGUARDING)
        & (role == "social_worker")
        & (rng.random(len(spell)) < 0.12)
    )
    fs_worker = wf.pick(rng, teams[fs], {FSW}, a_start[fs])
    fs = fs[fs_worker >= 0]
    fs_worker = fs_worker[fs_worker >= 0]
    fs_end = np.minimum(a_end[fs], a_start[fs] + rng.integers(30, 200, len(fs)))
    fs_end = np.minimum(fs_end, wf.occ_end[fs_worker])
    # Cases open on 31 March that nobody holds, or that a manager or duty holds.
    open_now = (role == "social_worker") & (a_start <= reference) & (a_end > reference)
    cin_only = open_now & np.isin(sp.kind[spell], [ASSESSMENT, SAFEGUARDING, DISABILITIES])
    pick = rng.random(len(role))
    manager = cin_only & (pick < 0.04)
    duty = cin_only & (pick >= 0.04) & (pick < 0.065)
    drop = cin_only & (pick >= 0.065) & (pick < 0.085)
    if manager.any():
        mgr = wf.pick(rng, teams[manager], {MANAGER}, a_start[manager])
        mgr = np.where((mgr >= 0) & (wf.occ_end[np.maximum(mgr, 0)] > reference), mgr, -1)
        worker[np.flatnonzero(manager)] = mgr
        role[np.flatnonzero(manager)] = np.where(mgr >= 0, "held_by_manager", "duty")
    worker[duty] = -1
    role[duty] = "duty"
    keep_rows = ~drop
    alloc = Allocations(
        child=np.concatenate([child[keep_rows], child[fs]]),
        worker=np.concatenate([worker[keep_rows], fs_worker]),
        team=np.concatenate([teams[keep_rows], teams[fs]]),
        role=np.concatenate([role[keep_rows], np.full(len(fs), "family_support")]),
        start=np.concatenate([a_start[keep_rows], a_start[fs]]),
        end=np.concatenate([a_end[keep_rows], fs_end]),
        reason=np.concatenate([a_reason[keep_rows], np.full(len(fs), "OTHERS")]),
        referral=np.concatenate([sp.referral[spell[keep_rows]], sp.referral[spell[fs]]]),
    )
    order = np.lexsort((alloc.start, alloc.child))
    order = order[alloc.start[order] <= reference]
    return Allocations(*(getattr(alloc, f)[order] for f in alloc.__dataclass_fields__))


def allocation_frame(ctx: Context, alloc: Allocations, wf: Workforce) -> pl.DataFrame:
    assert ctx.children is not None
    count = len(alloc.child)
    worker_ids = or_none(alloc.worker >= 0, wf.worker_id[np.maximum(alloc.worker, 0)])
    return frame(
        {
            "key": make_keys("ALL", count, width=7),
            "child_id": np.array(ctx.children.keys)[alloc.child],
            "worker_id": worker_ids,
            "team_id": wf.team_code[alloc.team],
            "role": alloc.role,
            "started_on": date_series("started_on", alloc.start),
            "ended_on": date_series("ended_on", ctx.clip(alloc.end)),
            "change_reason": alloc.reason,
        }
    )


def worker_on(alloc: Allocations, child: Ints, days: Days) -> Ints:
    """The social-work allocation's worker for each (child, day), or -1."""
    if len(child) == 0 or len(alloc.child) == 0:
        return np.full(len(child), -1, np.int64)
    base = int(min(alloc.start.min(), days.min())) - 1
    key = alloc.child * (1 << 24) + (alloc.start - base)
    probe = child * (1 << 24) + (days - base)
    idx = np.maximum(np.searchsorted(key, probe, side="right") - 1, 0)
    ok = (alloc.child[idx] == child) & (alloc.start[idx] <= days) & (alloc.end[idx] > days)
    return np.where(ok, alloc.worker[idx], -1)

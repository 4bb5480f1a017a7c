"""Synthesise one council's whole case history as journey frames."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from lineofsight.core.domain.published import (
    CouncilFigures,
    CouncilInfo,
    council_figures,
    find_council,
)
from lineofsight.journey.domain.frame_schema import TABLES
from lineofsight.journey.domain.frames import frames_conform, frames_write_parquet
from lineofsight.synth import (
    allocation,
    care,
    cin,
    frontdoor,
    leavers,
    oversight,
    people,
    relationships,
    visits,
    workforce,
    young_people,
)
from lineofsight.synth.context import Children, Context, make_rngs
from lineofsight.synth.dates import day, or_none
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.pools import area_for
from lineofsight.synth.skeleton import simulate
from lineofsight.synth.targets import targets_from


@dataclass(frozen=True)
class SyntheticCouncil:
    info: CouncilInfo
    figures: CouncilFigures
    reference_date: dt.date
    seed: int
    frames: dict[str, pl.DataFrame]

    def write_parquet(self, directory: Path) -> list[Path]:
        return frames_write_parquet(directory, self.frames)


def synthesise_council(
    *,
    la: str,
    year: int,
    seed: int,
    history_years: int = 6,
    progress: Callable[[str], None] | None = None,
) -> SyntheticCouncil:
    """A synthetic council calibrated to `la`'s published figures for the year to 31 March."""
    info = find_council(la)
    figures = council_figures(info, year)
    return synthesise(
        info, figures, year=year, seed=seed, history_years=history_years, progress=progress
    )


def synthesise(
    info: CouncilInfo,
    figures: CouncilFigures,
    *,
    year: int,
    seed: int,
    history_years: int = 6,
    progress: Callable[[str], None] | None = None,
) -> SyntheticCouncil:
    if history_years < 1:
        raise ValueError("history_years must be at least 1")
    say = progress or (lambda message: None)
    reference = day(dt.date(year, 3, 31))
    window = day(dt.date(year - history_years, 4, 1))
    rngs = make_rngs(seed)
    targets = targets_from(figures)
    say(f"{info.name}: simulating referrals, plans and care")
    skeleton = simulate(targets, rngs["skeleton"], reference, window)
    ctx = Context(
        info=info,
        figures=figures,
        targets=targets,
        year=year,
        seed=seed,
        reference=reference,
        window_start=window,
        rngs=rngs,
        skeleton=skeleton,
        area=area_for(info.la_number),
    )
    frames = build_frames(ctx, say)
    say(f"{info.name}: checking frames")
    conformed = frames_conform(TABLES, frames)
    return SyntheticCouncil(info, figures, dt.date(year, 3, 31), seed, conformed)


def build_frames(ctx: Context, say: Callable[[str], None]) -> dict[str, pl.DataFrame]:
    say(f"{ctx.info.name}: front door and children")
    fd = frontdoor.plan_contacts(ctx)
    pf = relationships.plan_private_fostering(ctx)
    base = people.build_children(ctx, fd)
    n_before_pf = len(base)
    children = _with_private_fostering(ctx, base, pf)
    ctx.children = children
    fam = people.families(ctx, children)
    r = ctx.skeleton.referrals
    all_nfa = np.ones(len(children), bool)
    all_nfa[r.child[~r.nfa]] = False
    frames: dict[str, pl.DataFrame] = {}
    frames.update(people.child_frames(ctx, children, fam, all_nfa))

    say(f"{ctx.info.name}: workforce and allocations")
    spells = allocation.team_spells(ctx)
    wf = workforce.build_workforce(ctx, allocation.open_by_kind(ctx, spells))
    alloc = allocation.allocate(ctx, spells, wf)
    sw = alloc.social_work()
    pa_sel = alloc.role == "personal_adviser"
    pa = allocation.Allocations(*(getattr(alloc, f)[pa_sel] for f in alloc.__dataclass_fields__))
    frames.update(workforce.finish_frames(wf))
    frames["allocation"] = allocation.allocation_frame(ctx, alloc, wf)

    say(f"{ctx.info.name}: contacts, referrals and child protection")
    decided = wf.pick(
        ctx.rng("frontdoor"),
        np.full(len(fd), np.flatnonzero(wf.team_code == "MASH")[0]),
        workforce.CASE_HOLDING | {workforce.MANAGER},
        fd.day,
    )
    decided_ids = or_none(decided >= 0, wf.worker_id[np.maximum(decided, 0)])
    frames["contact"] = frontdoor.contact_frame(ctx, fd, decided_ids)
    ref_keys = cin.ReferralKeys(ctx)
    contact_keys = frames["contact"]["key"].to_numpy()
    frames["referral"] = cin.referral_frame(
        ctx, ref_keys, contact_keys, fd.source, fd.referral_contact, sw, wf
    )
    eh_teams = wf.team_code[wf.teams_of_area("early_help")]
    frames["early_help_episode"] = frontdoor.early_help_frame(ctx, fd, eh_teams, ref_keys.keys)
    frames.update(cin.cin_frames(ctx, ref_keys, sw, wf))

    say(f"{ctx.info.name}: children looked after")
    need = cin.primary_need(ctx)
    periods = care._periods(ctx, need)
    episodes, placements = care.build_episodes(ctx, periods)
    frames["cla_episode"] = care.episode_frame(ctx, periods, episodes, placements)
    frames.update(care.care_frames(ctx, periods, episodes, placements, wf, alloc))
    frames["child"] = young_people.with_motherhood(ctx, frames["child"], periods)
    frames["youth_justice_outcome"] = young_people.youth_justice_frame(ctx, periods)
    eligible = leavers.eligible_leavers(ctx)
    frames["care_leaver_status"] = leavers.leaver_frame(ctx, eligible, pa, wf)
    frames["private_fostering_arrangement"] = relationships.private_fostering_frame(
        ctx, pf, n_before_pf
    )
    first_care, adopted = relationships.first_care_start(ctx, len(children))
    frames.update(relationships.family_frames(ctx, children, fam, first_care, adopted))

    say(f"{ctx.info.name}: visits and oversight")
    pf_child = np.arange(n_before_pf, n_before_pf + len(pf.dob))
    leaver_spells = (eligible[0], eligible[1], eligible[2])
    frames["visit"] = visits.visit_frame(
        ctx, sw, pa, wf, leaver_spells, (pf_child, pf.start, pf.end)
    )
    sup, discussion, sup_keys, sup_day, sup_pair = oversight.supervision_frames(ctx, wf, sw)
    frames["supervision"] = sup
    frames["supervision_discussion"] = discussion
    moves = episodes.rne != "S"
    move_child = periods.child[episodes.period[moves]]
    frames["decision"] = oversight.decision_frame(
        ctx, wf, sw, (move_child, episodes.start[moves]), (sup_keys, sup_day, sup_pair)
    )
    frames["case_note"] = oversight.note_frame(ctx, wf, sw)
    frames["case_audit"] = oversight.audit_frame(ctx, wf)
    frames["complaint"] = oversight.complaint_frame(ctx)
    return frames


def _with_private_fostering(
    ctx: Context, base: Children, pf: relationships.PrivateFostering
) -> Children:
    count = len(pf.dob)
    rng = ctx.rng("people")
    dob = np.concatenate([base.dob, pf.dob])
    sex = np.concatenate([base.sex, np.where(rng.random(count) < 0.5, 0, 1)])
    width = max(6, len(str(len(dob) + 1)))
    children = Children(
        dob=dob,
        uasc=np.concatenate([base.uasc, np.zeros(count, bool)]),
        disabled=np.concatenate([base.disabled, np.zeros(count, bool)]),
        unborn_at_reference=np.concatenate([base.unborn_at_reference, np.zeros(count, bool)]),
        sex=sex,
    )
    children.keys = make_keys("C", len(dob), width=width, sep="")
    return children

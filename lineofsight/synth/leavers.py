"""Care leavers: who qualifies, and their status around each birthday from 17 to 21."""

from __future__ import annotations

import numpy as np
import polars as pl

from lineofsight.synth.allocation import Allocations, worker_on
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
    or_none,
)
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.workforce import PA, Workforce

SUITABLE = np.array(["U", "D", "B", "E", "C", "T", "K", "Y", "G"])
SUITABLE_P = np.array([0.3, 0.26, 0.16, 0.1, 0.03, 0.05, 0.04, 0.04, 0.02])
UNSUITABLE = np.array(["S", "X", "V", "W", "R", "B", "D", "K", "U"])
UNSUITABLE_P = np.array([0.18, 0.22, 0.12, 0.08, 0.1, 0.1, 0.08, 0.06, 0.06])


def eligible_leavers(ctx: Context) -> tuple[Ints, Days, Days]:
    """(child, left care on, 21st birthday) for young people who left care at 16+ after 13
    weeks in care since their 14th birthday — relevant, then former relevant, children."""
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    dob = ctx.children.dob[r.child]
    has = (r.cla_start != NA) & (r.cla_end <= ctx.reference)
    qualifies = has & (r.cla_end - dob >= 16 * YEAR)
    qualifies &= r.cla_end - np.maximum(r.cla_start, dob + 14 * YEAR) >= 91
    rows = np.flatnonzero(qualifies)
    child = r.child[rows]
    # one per child: the latest qualifying period
    order = np.lexsort((r.cla_end[rows], child))
    rows, child = rows[order], child[order]
    last = group_ends(child)
    rows, child = rows[last], child[last]
    return child, r.cla_end[rows], add_years(ctx.children.dob[child], 21)


def leaver_frame(
    ctx: Context, leavers: tuple[Ints, Days, Days], pa: Allocations, wf: Workforce
) -> pl.DataFrame:
    rng = ctx.rng("leavers")
    assert ctx.children is not None
    child, left, _ = leavers
    t = ctx.targets
    dob = ctx.children.dob[child]
    rows_child: list[Ints] = []
    rows_day: list[Days] = []
    rows_age: list[Ints] = []
    for years in (17, 18, 19, 20, 21):
        birthday = add_years(dob, years)
        ok = (birthday >= ctx.window_start) & (birthday <= ctx.reference) & (birthday >= left)
        rows_child.append(np.flatnonzero(ok))
        rows_day.append(birthday[ok])
        rows_age.append(np.full(ok.sum(), years))
    idx = np.concatenate(rows_child)
    day = np.concatenate(rows_day)
    age = np.concatenate(rows_age)
    count = len(idx)
    who = child[idx]
    eligibility = np.where(age == 17, "relevant", "former_relevant")
    u = rng.random(count)
    not_touch = t.care_leaver_not_in_touch
    in_touch = np.select(
        [
            u < not_touch * 0.65,
            u < not_touch * 0.85,
            u < not_touch,
            u < not_touch + 0.02,
            u < not_touch + 0.03,
        ],
        ["NO", "REFU", "NREQ", "RHOM", "DIED"],
        "YES",
    )
    in_touch = np.where((in_touch == "DIED") & (rng.random(count) < 0.9), "YES", in_touch)
    touching = in_touch == "YES"
    # EET among those in touch, so that the share of all is the published one.
    eet_p = min(0.98, t.care_leaver_eet / max(touching.mean(), 0.5)) if count else 0.5
    eet = touching & (rng.random(count) < eet_p)
    new_codes = ctx.year >= 2022
    eet_codes = np.array(
        ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"]
        if new_codes
        else ["F1", "P1", "F2", "P2", "F3", "P3", "F3", "P3"]
    )
    eet_p_codes = np.array([0.12, 0.02, 0.38, 0.06, 0.08, 0.02, 0.22, 0.1])
    activity = np.where(
        eet,
        eet_codes[rng.choice(8, count, p=eet_p_codes)],
        np.array(["G4", "G5", "G6"])[rng.choice(3, count, p=[0.25, 0.55, 0.2])],
    )
    activity = np.where(touching, activity, "0")
    suitable_p = (
        min(0.99, t.care_leaver_accommodation / max(touching.mean(), 0.5)) if count else 0.8
    )
    suitable = touching & (rng.random(count) < suitable_p)
    accommodation = np.where(
        suitable,
        SUITABLE[rng.choice(len(SUITABLE), count, p=SUITABLE_P)],
        UNSUITABLE[rng.choice(len(UNSUITABLE), count, p=UNSUITABLE_P)],
    )
    staying = (
        touching
        & (age >= 18)
        & (age <= 20)
        & (rng.random(count) < t.staying_put * np.where(age == 18, 1.0, 0.5))
    )
    accommodation = np.where(staying, "Z", accommodation)
    suitable = suitable | staying
    accommodation = np.where((age == 17) & (accommodation == "T"), "D", accommodation)
    accommodation = np.where(touching, accommodation, "0")
    pa_worker = worker_on(pa, who, day)
    missing = pa_worker < 0
    pa_worker[missing] = wf.pick(
        rng, np.full(missing.sum(), wf.teams_of_area("care_leavers")[0]), {PA}, day[missing]
    )
    reviewed = day - rng.integers(0, 180, count)
    reviewed = np.maximum(reviewed, add_years(dob[idx], 16))
    order = np.lexsort((who, day))
    return frame(
        {
            "key": make_keys("CLS", count, width=6),
            "child_id": np.array(ctx.children.keys)[who][order],
            "as_of": date_series("a", day[order]),
            "eligibility": eligibility[order],
            "in_touch": in_touch[order],
            "activity": activity[order],
            "accommodation": accommodation[order],
            "accommodation_suitable": or_none(touching, suitable)[order],
            "staying_put": staying[order],
            "personal_adviser_id": or_none(pa_worker >= 0, wf.worker_id[np.maximum(pa_worker, 0)])[
                order
            ],
            "pathway_plan_reviewed_on": date_series("p", np.where(touching, reviewed, NA)[order]),
        },
        schema_overrides={"accommodation_suitable": pl.Boolean, "personal_adviser_id": pl.String},
    )

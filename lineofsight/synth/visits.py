"""Statutory visits: CP every 10 working days, CIN every 20, CLA every six weeks, care leavers
every eight weeks, private fostering every six weeks; pre-birth visits while a CP plan runs
before the baby is born."""

from __future__ import annotations

import numpy as np
import polars as pl

from lineofsight.synth.allocation import Allocations, worker_on
from lineofsight.synth.context import Context
from lineofsight.synth.dates import NA, YEAR, Days, Ints, add_years, date_series, frame, or_none
from lineofsight.synth.ids import keys as make_keys
from lineofsight.synth.recurring import series
from lineofsight.synth.workforce import Workforce


def visit_frame(
    ctx: Context,
    sw: Allocations,
    pa: Allocations,
    wf: Workforce,
    leavers: tuple[Ints, Days, Days],
    fostering: tuple[Ints, Days, Days],
) -> pl.DataFrame:
    rng = ctx.rng("visits")
    assert ctx.children is not None
    r = ctx.skeleton.referrals
    reference, window = ctx.reference, ctx.window_start
    cap = reference + 1
    dob = ctx.children.dob
    parts: list[tuple[Ints, Days, str]] = []

    def add(
        child: Ints,
        start: Days,
        end: Days,
        first: int,
        every: int,
        kind: str,
        working: bool,
        jitter: int,
    ) -> None:
        live = (start != NA) & (start <= reference) & (end > window)
        rows = np.flatnonzero(live)
        s = np.maximum(start[rows], window - 60)
        e = np.minimum(end[rows], cap)
        owner, day = series(rng, s, e, first, every, jitter=jitter, working_days=working)
        parts.append((child[rows][owner], day, kind))

    add(r.child, r.cp_start, r.cp_end, 3, 9, "cp", True, 1)
    add(r.child, r.cin1_start, r.cin1_end, 5, 19, "cin", True, 2)
    add(r.child, r.cin2_start, r.cin2_end, 5, 19, "cin", True, 2)
    add(r.child, r.cla_start, r.cla_end, 5, 40, "cla", False, 6)
    add(leavers[0], leavers[1], leavers[2], 14, 56, "care_leaver", False, 10)
    add(fostering[0], fostering[1], fostering[2], 7, 42, "private_fostering", False, 5)
    child = np.concatenate([p[0] for p in parts])
    day = np.concatenate([p[1] for p in parts])
    kind = np.concatenate([np.full(len(p[0]), p[2]) for p in parts])
    keep = (day >= window) & (day <= reference)
    child, day, kind = child[keep], day[keep], kind[keep]
    unborn = day < dob[child]
    kind = np.where(unborn, "pre_birth", kind)
    keep = ~unborn | (kind == "pre_birth")
    # nothing after the 18th birthday except care-leaver contact
    b18 = add_years(dob, 18)
    keep &= (day < b18[child]) | (kind == "care_leaver")
    child, day, kind = child[keep], day[keep], kind[keep]
    count = len(day)
    age = (day - dob[child]) / YEAR
    seen_p = np.select([kind == "cp", kind == "cla", kind == "cin"], [0.95, 0.96, 0.9], 0.93)
    seen = rng.random(count) < seen_p
    seen &= kind != "pre_birth"
    alone = seen & (age >= 4) & (rng.random(count) < 0.62)
    bedroom = np.where(
        np.isin(kind, ["cp", "cin"]),
        or_none(rng.random(count) < 0.7, rng.random(count) < 0.75),
        or_none((kind == "cla") & (rng.random(count) < 0.4), True),
    )
    worker = worker_on(sw, child, day)
    leaver = kind == "care_leaver"
    worker[leaver] = worker_on(pa, child[leaver], day[leaver])
    order = np.lexsort((child, day))
    ids = or_none(worker >= 0, wf.worker_id[np.maximum(worker, 0)])
    return frame(
        {
            "key": make_keys("VIS", count, width=8),
            "child_id": np.array(ctx.children.keys)[child][order],
            "kind": kind[order],
            "visited_on": date_series("v", day[order]),
            "child_seen": seen[order],
            "child_seen_alone": alone[order],
            "bedroom_seen": bedroom[order],
            "worker_id": ids[order],
        },
        schema_overrides={"bedroom_seen": pl.Boolean, "worker_id": pl.String},
    )

"""Who was responsible for an obligation: the worker and team holding the child on its due date.

An obligation not yet due is held by whoever holds the child on `as_of` (later allocations are
not known). Care leaver rules look for the personal adviser first; others for the allocated
social worker. Where no such worker holds the child, a manager or duty holding counts, so a
held or unallocated child's deadlines still land somewhere visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import polars as pl

from lineofsight.timescales.domain.rules import RULES

CASE_HOLDERS = ("social_worker", "held_by_manager", "duty")
ADVISERS = ("personal_adviser",)


def with_responsible(
    rows: pl.DataFrame, frames: Mapping[str, pl.DataFrame], *, as_of: dt.date
) -> pl.DataFrame:
    allocation = frames.get("allocation")
    blank = rows.with_columns(
        pl.col("worker_hint").alias("worker_id"),
        pl.col("team_hint").alias("team_id"),
        pl.lit(None, dtype=pl.String).alias("allocation_role"),
    )
    if allocation is None or allocation.is_empty() or rows.is_empty():
        return blank
    held = allocation.filter(pl.col("started_on") <= as_of).with_columns(
        pl.when(pl.col("ended_on") > as_of)
        .then(None)
        .otherwise(pl.col("ended_on"))
        .alias("ended_on")
    )
    adviser_rules = [code for code, rule in RULES.items() if rule.responsible == "personal_adviser"]
    # The date to look at, min(due_on, as_of), keeps the rows' order by due date, so the
    # as-of joins need no sort (sorting millions of wide rows was most of this step's time).
    dated = rows.with_columns(pl.min_horizontal("due_on", pl.lit(as_of)).alias("_on"))
    if not dated["_on"].is_sorted():
        dated = dated.sort("_on", maintain_order=True)
    matched = _holder(dated, held, CASE_HOLDERS, "")
    # Care leaver rules look for a personal adviser: only those rows (a few per cent) are
    # matched again, and an adviser found replaces the case holder in place.
    scope = matched.select(pl.arg_where(pl.col("rule").is_in(adviser_rules))).to_series()
    advisers = _holder(matched[scope], held, ADVISERS, "_adviser_")
    found = advisers["_adviser_allocation_role"].is_not_null()
    where = scope.filter(found)
    names = ("worker_id", "team_id", "allocation_role")
    columns = {name: matched[name].clone() for name in names}
    for name in names:
        if len(where):
            columns[name].scatter(where, advisers[f"_adviser_{name}"].filter(found))
    # Nobody allocated: the worker and team the record itself names, where it names one.
    return (
        matched.select(rows.columns)
        .with_columns(columns[name].alias(name) for name in names)
        .with_columns(
            pl.coalesce("worker_id", "worker_hint").alias("worker_id"),
            pl.coalesce("team_id", "team_hint").alias("team_id"),
        )
    )


def _holder(
    rows: pl.DataFrame, held: pl.DataFrame, roles: tuple[str, ...], prefix: str
) -> pl.DataFrame:
    """Add, for each row, the allocation in `roles` that started last on or before `_on` and
    had not ended by then (worker_id, team_id, allocation_role, each under `prefix`)."""
    spells = (
        held.filter(pl.col("role").is_in(roles))
        .select(
            pl.col("child_id").hash(seed=0).alias("_child"),
            pl.col("started_on").alias("_started"),
            pl.col("ended_on").alias("_ended"),
            pl.col("worker_id").alias(f"{prefix}worker_id"),
            pl.col("team_id").alias(f"{prefix}team_id"),
            pl.col("role").alias(f"{prefix}allocation_role"),
        )
        .sort("_started")
    )
    names = [f"{prefix}worker_id", f"{prefix}team_id", f"{prefix}allocation_role"]
    current = pl.col("_started").is_not_null() & (
        pl.col("_ended").is_null() | (pl.col("_ended") >= pl.col("_on"))
    )
    return (
        rows.with_columns(pl.col("child_id").hash(seed=0).alias("_child"))
        .join_asof(
            spells,
            left_on="_on",
            right_on="_started",
            # Children matched by a 64-bit hash of their id: grouping by a number is much
            # cheaper than by a string, and a collision among a council's ids is not credible.
            by="_child",
            strategy="backward",
            # Sorted by date overall, so sorted within each child too; no string sort needed.
            check_sortedness=False,
        )
        .with_columns(pl.when(current).then(pl.col(name)).alias(name) for name in names)
        .drop("_child", "_started", "_ended")
    )

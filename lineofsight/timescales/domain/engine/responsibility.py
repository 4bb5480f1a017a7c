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
        pl.lit(None, dtype=pl.String).alias(name)
        for name in ("worker_id", "team_id", "allocation_role")
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
    indexed = rows.with_row_index("_row").with_columns(
        pl.min_horizontal("due_on", pl.lit(as_of)).alias("_on"),
        pl.col("rule").is_in(adviser_rules).alias("_adviser"),
    )
    found = _holder(indexed, held, CASE_HOLDERS)
    advisers = _holder(indexed.filter(pl.col("_adviser")), held, ADVISERS)
    # An adviser, where the rule wants one and there is one, takes precedence.
    chosen = pl.concat([advisers, found]).unique("_row", keep="first", maintain_order=True)
    return (
        indexed.join(chosen, on="_row", how="left")
        .drop("_row", "_on", "_adviser")
        .select(*rows.columns, "worker_id", "team_id", "allocation_role")
    )


def _holder(rows: pl.DataFrame, held: pl.DataFrame, roles: tuple[str, ...]) -> pl.DataFrame:
    """For each row, the allocation in `roles` that started last on or before `_on` and had
    not ended by then."""
    spells = (
        held.filter(pl.col("role").is_in(roles))
        .select("child_id", "started_on", "ended_on", "worker_id", "team_id", "role")
        .sort("child_id", "started_on")
    )
    matched = (
        rows.select("_row", "child_id", "_on")
        .sort("child_id", "_on")
        .join_asof(
            spells,
            left_on="_on",
            right_on="started_on",
            by="child_id",
            strategy="backward",
            check_sortedness=False,  # sorted within each child above
        )
        .filter(
            pl.col("started_on").is_not_null()
            & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= pl.col("_on")))
        )
    )
    return matched.select(
        "_row",
        "worker_id",
        "team_id",
        pl.col("role").alias("allocation_role"),
    )

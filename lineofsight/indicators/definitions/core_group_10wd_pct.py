"""CP-16 First core group within 10 working days of the initial conference (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import plans
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, obligations, on_time

T16_COLUMNS = (
    "start_key",
    "due_on",
    "due_at",
    "met_on",
    "met_at",
    "status",
    "team_id",
    "worker_id",
)


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # T-16 is the first link of each plan's core group chain, keyed by the plan itself.
    first = obligations(frames, ["T-16"], T16_COLUMNS).select(
        pl.col("start_key").alias("key"),
        on_time().alias("in_time"),
        # Decided once met or past due; one not yet due is listed but not in the base.
        (
            pl.col("met_on").is_not_null() | ~pl.col("status").is_in(["not_yet_due", "due_soon"])
        ).alias("decided"),
        pl.col("team_id").alias("due_team_id"),
        pl.col("worker_id").alias("due_worker_id"),
    )
    # A plan ended before its first core group fell due has no T-16 clock: not in the base.
    rows = during(plans(frames), "started_on", periods).join(first, on="key", how="left")
    return counted(
        rows,
        item="key",
        on="started_on",
        numerator=pl.col("in_time") & pl.col("decided"),
        denominator=pl.col("decided"),
        team="due_team_id",
        worker="due_worker_id",
    )


DEFINITION = IndicatorDefinition(
    code="core_group_10wd_pct",
    ref="CP-16",
    title="First core group within 10 working days of the initial conference",
    description=(
        "Of the child protection plans that started in the period, the share whose first core "
        "group met within 10 working days of the conference that made the plan (or of the "
        "plan's start where no conference is linked): the timescale engine's T-16. A plan "
        "whose first core group is not yet due is listed but not counted until it is; one "
        "that ended before its core group fell due is not counted. Not published by DfE. "
        "Source: Working Together (local measure)."
    ),
    source="local (Working Together)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations", "cp_plan", "referral"),
    rules=("T-16",),
    compute=compute,
)

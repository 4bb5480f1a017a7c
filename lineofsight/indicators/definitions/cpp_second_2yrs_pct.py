"""CP-09 Second or subsequent child protection plans within 2 years of the previous one (%)."""

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
from lineofsight.indicators.definitions.common import Frames, counted, during


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    all_plans = plans(frames).select("key", "child_id", "started_on", "ended_on")
    # The latest end of the child's earlier plans on or before this plan's start.
    ends = all_plans.filter(pl.col("ended_on").is_not_null()).select(
        "child_id", pl.col("key").alias("earlier_key"), pl.col("ended_on").alias("earlier_end")
    )
    latest_end = (
        all_plans.join(ends, on="child_id")
        .filter(
            (pl.col("earlier_key") != pl.col("key"))
            & (pl.col("earlier_end") <= pl.col("started_on"))
        )
        .group_by("key")
        .agg(pl.col("earlier_end").max().alias("previous_end"))
    )
    rows = during(all_plans.join(latest_end, on="key", how="left"), "started_on", periods)
    within = pl.col("previous_end") >= pl.col("started_on").dt.offset_by("-730d")
    return counted(rows, item="key", on="started_on", numerator=within.fill_null(False))


DEFINITION = IndicatorDefinition(
    code="cpp_second_2yrs_pct",
    ref="CP-09",
    title="Child protection plans starting within 2 years of a previous plan ending",
    description=(
        "Of the child protection plans that started in the period (each occasion counted), the "
        "share where a previous plan of the same child in the records ended in the 730 days "
        "up to this plan's start. Plans recorded only as a count of previous plans (another "
        "council's, or before the records began) carry no end date and do not count. Not "
        "published by DfE (which publishes the 'ever' version, CP-08). Source: local "
        "(ChAT-style)."
    ),
    source="local",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cp_plan", "referral"),
    compute=compute,
)

"""LOCAL-SUPERVISION-CASES Children whose case was discussed in supervision in the last 12
weeks (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._workforce import open_cases
from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during, table

# A local standard: supervision is monthly, and most councils' policies expect every child's
# case to come up at least every third session (more often for children on a plan or in care).
WEEKS = 12


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    # The base: children whose case had been open without a break for the 12 weeks to the
    # period's end, so a case opened in the last weeks is not yet expected to have come up.
    cases = open_cases(frames, periods, weeks=WEEKS)
    # Each discussion counts for the periods whose last 12 weeks it falls in: from the day
    # after the one 12 weeks before the end, to the end.
    windows = periods.with_columns(
        (pl.col("end") - pl.duration(weeks=WEEKS) + pl.duration(days=1)).alias("start")
    )
    sessions = table(frames, "supervision").select(pl.col("key").alias("supervision_id"), "held_on")
    discussions = table(frames, "supervision_discussion").join(sessions, on="supervision_id")
    discussed = (
        during(discussions.select("child_id", "held_on"), "held_on", windows)
        .select("period", "child_id", pl.lit(True).alias("_discussed"))
        .unique(["period", "child_id"])
    )
    rows = cases.join(discussed, on=["period", "child_id"], how="left")
    return counted(rows, item="child_id", on="end", numerator=pl.col("_discussed").fill_null(False))


DEFINITION = IndicatorDefinition(
    code="children_discussed_in_supervision_pct",
    ref="LOCAL-SUPERVISION-CASES",
    title="Children whose case was discussed in supervision in the last 12 weeks",
    description=(
        "Of the children with an open case at the period's end (a child in need, on a child "
        "protection plan or looked after) that had been open without a break for the 12 "
        "weeks before it (a referral, plan or episode of care starting the day another ends "
        "continues the case), the share discussed in a supervision session held in those 12 "
        "weeks (from the day after the one 12 weeks before the end, to the end). Each child "
        "is listed under the team and worker holding the case at the period's end. Source: "
        "local measure (not in the catalogue); 12 weeks, about every third monthly "
        "supervision, is a local standard."
    ),
    source="local",
    area=Area.OVERSIGHT,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("referral", "cp_plan", "cla_episode", "supervision", "supervision_discussion"),
    compute=compute,
)

"""CP-08 Child protection plans starting that were a second or subsequent plan (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import plans
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import Frames, counted, during


def compute(frames: Frames, periods: pl.DataFrame) -> pl.DataFrame:
    all_plans = plans(frames)
    # The child's first plan in the records: any plan starting after it follows one.
    first_on = all_plans.group_by("child_id").agg(pl.col("started_on").min().alias("first_on"))
    rows = during(all_plans.join(first_on, on="child_id"), "started_on", periods)
    # A plan elsewhere or before the records began shows only in the recorded count.
    repeat = (pl.col("started_on") > pl.col("first_on")) | (
        pl.col("previous_plans_count").fill_null(0) > 0
    )
    return counted(rows, item="key", on="started_on", numerator=repeat)


DEFINITION = IndicatorDefinition(
    code="cpp_second_pct",
    ref="CP-08",
    title="Child protection plans that were a second or subsequent plan",
    description=(
        "Of the child protection plans that started in the period (each occasion counted), the "
        "share where the child had had a plan before at any time, however long ago: an "
        "earlier plan of the child in the records, or a previous plan recorded on this one "
        "(the census 'number of previous CP plans', which covers plans in other councils). "
        "Source: DfE 'Characteristics of children in need', table D3; LAIT 'PrevRegCPR'."
    ),
    source="DfE CIN census (D3)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cp_plan", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="PrevRegCPR"),
)

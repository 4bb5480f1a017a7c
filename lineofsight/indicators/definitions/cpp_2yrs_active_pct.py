"""CP-10 Children on a child protection plan at period end for 2 years or more (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import open_plans_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# "More than 729 calendar days" counting the period's end day itself: 729 days or more
# from the start to the end date (the day the timescale engine's T-21 flag falls due).
compute = open_plans_share(pl.col("days_open") >= 729)


DEFINITION = IndicatorDefinition(
    code="cpp_2yrs_active_pct",
    ref="CP-10",
    title="Children on a child protection plan for 2 years or more",
    description=(
        "Of the children on a child protection plan at the period's end (each child once), the "
        "share whose plan had then been open continuously for two years or more: more than "
        "729 calendar days counting the start and the period's end day. Source: DfE "
        "'Characteristics of children in need', table D5; LAIT 'CPPlans2yrsActive'."
    ),
    source="DfE CIN census (D5)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cp_plan", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="CPPlans2yrsActive"),
)

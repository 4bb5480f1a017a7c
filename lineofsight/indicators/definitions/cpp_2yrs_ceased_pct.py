"""CP-11 Child protection plans ending in the period that had lasted 2 years or more (%)."""

from __future__ import annotations

import polars as pl

from lineofsight.indicators.definitions._protection import plans_during
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# More than 729 days including the day of cessation: 729 days or more from start to end.
compute = plans_during("ended_on", numerator=pl.col("days") >= 729)


DEFINITION = IndicatorDefinition(
    code="cpp_2yrs_ceased_pct",
    ref="CP-11",
    title="Child protection plans ending that had lasted 2 years or more",
    description=(
        "Of the child protection plans that ended in the period (each cessation counted), the "
        "share that had lasted two years or more: more than 729 calendar days counting the "
        "start and the day of cessation. Source: DfE 'Characteristics of children in need', "
        "table D7 (plans ending by duration); LAIT 'CPPlans2yrs'."
    ),
    source="DfE CIN census (D7)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cp_plan", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="CPPlans2yrs"),
)

"""CP-13 Child protection plans ending in the period per 10,000 children."""

from __future__ import annotations

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

compute = plans_during("ended_on")


DEFINITION = IndicatorDefinition(
    code="cpp_ceased_rate",
    ref="CP-13",
    title="Child protection plans ending per 10,000 children",
    description=(
        "Child protection plans that ended in the period, each cessation counted, per 10,000 "
        "children aged 0-17. Source: DfE 'Characteristics of children in need', D-tables; "
        "LAIT 'DeRegCPR'."
    ),
    source="DfE CIN census (D-tables)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("cp_plan", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="DeRegCPR"),
)

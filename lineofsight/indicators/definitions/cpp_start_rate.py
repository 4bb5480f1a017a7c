"""CP-06 Child protection plans starting in the period per 10,000 children."""

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

compute = plans_during("started_on")


DEFINITION = IndicatorDefinition(
    code="cpp_start_rate",
    ref="CP-06",
    title="Child protection plans starting per 10,000 children",
    description=(
        "Child protection plans that started in the period, each one counted (a child with "
        "two plans in the period counts twice), per 10,000 children aged 0-17. Source: DfE "
        "'Characteristics of children in need', D-tables; LAIT 'CPP_Abuse_Rate' (plans "
        "starting during the year, rate)."
    ),
    source="DfE CIN census (D-tables)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("cp_plan", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="CPP_Abuse_Rate"),
)

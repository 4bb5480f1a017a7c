"""CP-03 Initial child protection conferences per 10,000 children."""

from __future__ import annotations

from lineofsight.indicators.definitions._protection import conferences_held
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = conferences_held()


DEFINITION = IndicatorDefinition(
    code="icpc_rate",
    ref="CP-03",
    title="Initial child protection conferences per 10,000 children",
    description=(
        "Initial child protection conferences held in the period, each one counted (a child "
        "with two counts twice), per 10,000 children aged 0-17. Pre-birth conferences and "
        "transfer-in conferences (a child on another council's plan moving here) are included, "
        "as DfE includes them; review conferences are not. Source: DfE 'Characteristics of "
        "children in need', table C4; LAIT 'ISCP_Conf'."
    ),
    source="DfE CIN census (C4)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("conference", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="ISCP_Conf"),
)

"""CP-07 Children on a child protection plan at period end per 10,000 children."""

from __future__ import annotations

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

compute = open_plans_share()


DEFINITION = IndicatorDefinition(
    code="cpp_rate",
    ref="CP-07",
    title="Children on a child protection plan per 10,000 children",
    description=(
        "Children on a child protection plan at the period's end (started on or before it and "
        "not ended by it: a plan ended on 31 March is not open at 31 March), each child once, "
        "per 10,000 children aged 0-17. Unborn children on a pre-birth plan count, as in the "
        "CIN census. Source: DfE 'Characteristics of children in need', D-tables; LAIT "
        "'CPP_rate'."
    ),
    source="DfE CIN census (D-tables)",
    area=Area.CHILD_PROTECTION,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.RATE_PER_10K,
    inputs=("cp_plan", "referral"),
    compute=compute,
    benchmark=Benchmark(lait="CPP_rate"),
)

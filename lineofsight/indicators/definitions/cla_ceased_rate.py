"""CLA-03 Children ceasing to be looked after in the period per 10,000 children."""

from __future__ import annotations

from lineofsight.indicators.definitions._looked_after import children_ceasing
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = children_ceasing


DEFINITION = IndicatorDefinition(
    code="cla_ceased_rate",
    ref="CLA-03",
    title="Children ceasing to be looked after per 10,000 children",
    description=(
        "Children whose period of care ended in the period, per 10,000 children aged 0-17 "
        "(ONS mid-year estimate). Each child counts once, at the last cessation in the period; "
        "an episode that ends with another starting the same day is not a cessation, and "
        "agreed series of short breaks (V3/V4) are excluded. Source: DfE 'Children looked "
        "after in England', table D1; LAIT 'LAC_Cease_Rate'."
    ),
    source="DfE SSDA903 (CLA table D1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Cease_Rate"),
)

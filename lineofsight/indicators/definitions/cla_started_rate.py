"""CLA-02 Children starting to be looked after in the period per 10,000 children."""

from __future__ import annotations

from lineofsight.indicators.definitions._looked_after import children_starting
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = children_starting


DEFINITION = IndicatorDefinition(
    code="cla_started_rate",
    ref="CLA-02",
    title="Children starting to be looked after per 10,000 children",
    description=(
        "Children who started a period of care in the period, per 10,000 children aged 0-17 "
        "(ONS mid-year estimate). Each child counts once, at the first start in the period; "
        "episodes that only change the placement or legal status within a period of care are "
        "not starts, and agreed series of short breaks (V3/V4) are excluded. Source: DfE "
        "'Children looked after in England', table C1; LAIT 'LAC_Start_Rate'."
    ),
    source="DfE SSDA903 (CLA table C1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.RATE_PER_10K,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Start_Rate"),
)

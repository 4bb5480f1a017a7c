"""CLA-02 (count) Children starting to be looked after in the period."""

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
    code="cla_started_count",
    ref="CLA-02",
    title="Children starting to be looked after (number)",
    description=(
        "The number of children who started a period of care in the period, the count behind "
        "the rate per 10,000 (CLA-02): each child once, at the first start in the period; "
        "agreed series of short breaks (V3/V4) are excluded. Source: DfE 'Children looked "
        "after in England', table C1; LAIT 'LACnum_Start'."
    ),
    source="DfE SSDA903 (CLA table C1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.COUNT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LACnum_Start"),
    decimals=0,
)

"""CLA-03 (count) Children ceasing to be looked after in the period."""

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
    code="cla_ceased_count",
    ref="CLA-03",
    title="Children ceasing to be looked after (number)",
    description=(
        "The number of children whose period of care ended in the period, the count behind "
        "the rate per 10,000 (CLA-03): each child once, at the last cessation in the period; "
        "agreed series of short breaks (V3/V4) are excluded. Source: DfE 'Children looked "
        "after in England', table D1; LAIT 'LACceased'."
    ),
    source="DfE SSDA903 (CLA table D1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.COUNT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LACceased"),
    decimals=0,
)

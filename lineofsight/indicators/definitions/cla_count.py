"""CLA-01 (count) Children looked after at the period's end."""

from __future__ import annotations

from lineofsight.indicators.definitions._looked_after import children_looked_after
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = children_looked_after


DEFINITION = IndicatorDefinition(
    code="cla_count",
    ref="CLA-01",
    title="Children looked after (number)",
    description=(
        "The number of children looked after on the period's end date (31 March for a year), "
        "the count behind the rate per 10,000 (CLA-01): children in a period of care read "
        "from SSDA903 episodes, excluding those looked after only under an agreed series of "
        "short breaks (V3/V4); a child who ceased on the end date is not counted. Source: DfE "
        "'Children looked after in England', table A1; LAIT 'LACnum'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.COUNT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.COUNT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LACnum"),
    decimals=0,
)

"""CLA-01 Children looked after at the period's end per 10,000 children."""

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
    code="cla_rate",
    ref="CLA-01",
    title="Children looked after per 10,000 children",
    description=(
        "Children looked after on the period's end date (31 March for a year), per 10,000 "
        "children aged 0-17 (ONS mid-year estimate). A child is counted while in a period of "
        "care, read from SSDA903 episodes; children looked after only under an agreed series "
        "of short breaks (legal status V3/V4) are excluded, and a child who ceased on the end "
        "date is no longer looked after on it. Source: DfE 'Children looked after in England', "
        "table A1; LAIT 'LAC'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.RATE_PER_10K,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.RATE_PER_10K,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC"),
)

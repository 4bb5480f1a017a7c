"""CLA-09 Looked-after children placed with parents (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._looked_after import WITH_PARENTS, placement_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = placement_share(WITH_PARENTS)


DEFINITION = IndicatorDefinition(
    code="cla_placed_with_parents_pct",
    ref="CLA-09",
    title="Looked-after children placed with parents",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share placed on that date with their own parents or others with "
        "parental responsibility (SSDA903 placement P1). Source: DfE 'Children looked after "
        "in England', table A1; LAIT 'LAC_Parents_OR_Others'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Parents_OR_Others"),
)

"""CLA-09 Looked-after children in foster care (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._looked_after import FOSTER, placement_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = placement_share(FOSTER)


DEFINITION = IndicatorDefinition(
    code="cla_foster_care_pct",
    ref="CLA-09",
    title="Looked-after children in foster care",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share whose placement on that date was a foster placement (SSDA903 "
        "U1-U6: with relatives or friends, or with other foster carers, including fostering "
        "for adoption). Source: DfE 'Children looked after in England', table A1; LAIT "
        "'LAC_Foster_Placements'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_Foster_Placements"),
)

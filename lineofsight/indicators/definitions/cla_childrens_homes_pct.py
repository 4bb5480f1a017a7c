"""CLA-09 Looked-after children in children's homes or secure children's homes (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._looked_after import (
    CHILDRENS_HOMES_AND_SECURE,
    placement_share,
)
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = placement_share(CHILDRENS_HOMES_AND_SECURE)


DEFINITION = IndicatorDefinition(
    code="cla_childrens_homes_pct",
    ref="CLA-09",
    title="Looked-after children in children's homes or secure units",
    description=(
        "Of the children looked after on the period's end date (short breaks, V3/V4, "
        "excluded), the share whose placement on that date was a children's home (K2) or a "
        "secure children's home (K1), DfE's 'secure homes and children's homes'. Other "
        "residential settings (R1 residential care homes, R2 health settings, R3 family "
        "centres, R5 young offender institutions, S1 residential schools) and semi-independent "
        "living (H5) are not included. Source: DfE 'Children looked after in England', table "
        "A1; LAIT 'LAC_SecHome_And_ChildHome'."
    ),
    source="DfE SSDA903 (CLA table A1)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode",),
    compute=compute,
    benchmark=Benchmark(lait="LAC_SecHome_And_ChildHome"),
)

"""FD-08 Referrals by source (%): schools."""

from __future__ import annotations

from lineofsight.indicators.definitions._front_door import SCHOOLS, from_sources, referral_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = referral_share(from_sources(SCHOOLS))


DEFINITION = IndicatorDefinition(
    code="referrals_from_schools_pct",
    ref="FD-08",
    title="Referrals from schools",
    description=(
        "Of the referrals received in the period (each counted), the share made by schools "
        "(source 2A; education services, 2B, are a separate source). Source: DfE "
        "'Characteristics of children in need', referrals by source; LAIT "
        "'RefBySource_Schl_%'."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="RefBySource_Schl_%"),
)

"""FD-08 Referrals by source (%): police."""

from __future__ import annotations

from lineofsight.indicators.definitions._front_door import POLICE, from_sources, referral_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = referral_share(from_sources(POLICE))


DEFINITION = IndicatorDefinition(
    code="referrals_from_police_pct",
    ref="FD-08",
    title="Referrals from the police",
    description=(
        "Of the referrals received in the period (each counted), the share made by the police"
        " (source 6). Source: DfE 'Characteristics of children in need', referrals by source;"
        " LAIT 'RefBySource_Police_%'."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="RefBySource_Police_%"),
)

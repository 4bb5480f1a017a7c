"""FD-08 Referrals by source (%): health."""

from __future__ import annotations

from lineofsight.indicators.definitions._front_door import HEALTH, from_sources, referral_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = referral_share(from_sources(HEALTH))


DEFINITION = IndicatorDefinition(
    code="referrals_from_health_pct",
    ref="FD-08",
    title="Referrals from health",
    description=(
        "Of the referrals received in the period (each counted), the share made by health "
        "services (sources 3A-3F: GP, health visitor, school nurse, other primary health "
        "services, A&E, other health). Source: DfE 'Characteristics of children in need', "
        "referrals by source; LAIT 'RefBySource_HealthServ_%'."
    ),
    source="DfE CIN census (C1)",
    area=Area.FRONT_DOOR,
    unit=Unit.PERCENT,
    polarity=Polarity.NEITHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("referral",),
    compute=compute,
    benchmark=Benchmark(lait="RefBySource_HealthServ_%"),
)

"""CLA-16 Health: dental check in the year (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._outcomes import checked_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = checked_share(["dental"])


DEFINITION = IndicatorDefinition(
    code="cla_dental_checks_pct",
    ref="CLA-16",
    title="Looked-after children who had a dental check in the year",
    description=(
        "Of children looked after at the period's end who had been looked after continuously "
        "for at least 12 months (short breaks excluded), the share who had their teeth checked "
        "by a dentist in the 12 months to the period's end (for a financial year, the year "
        "itself). All ages count, babies included; a refused check is not recorded as a "
        "check, so counts as not done. Source: DfE 'Children looked after in England', OC2 "
        "health outcomes; LAIT 'LACDental%'."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
    benchmark=Benchmark(lait="LACDental%"),
)

"""CLA-26 CLA identified as having a substance misuse problem (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._outcomes import YES, checked_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

# A substance misuse record says yes (1) or no (0); only a yes counts. Interventions
# received or offered are recorded as kinds of their own and are not the problem itself.
compute = checked_share(["substance_misuse"], value=YES)


DEFINITION = IndicatorDefinition(
    code="cla_substance_misuse_pct",
    ref="CLA-26",
    title="Looked-after children identified as having a substance misuse problem",
    description=(
        "Of children looked after at the period's end who had been looked after continuously "
        "for at least 12 months (short breaks excluded), the share identified as having a "
        "substance misuse problem (drugs or alcohol, not tobacco) in the 12 months to the "
        "period's end (for a financial year, the year itself): a substance misuse record "
        "with value 1 dated then. All ages are in the base, as DfE counts it. Source: DfE "
        "'Children looked after in England', OC2 SUBSTANCE_MISUSE; LAIT 'LACSubstance'."
    ),
    source="DfE SSDA903 (OC2)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.SNAPSHOT,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "child", "health_check"),
    compute=compute,
    benchmark=Benchmark(lait="LACSubstance"),
)

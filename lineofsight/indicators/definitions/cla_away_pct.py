"""CLA-29 CLA away from placement without authorisation (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._outcomes import missing_share
from lineofsight.indicators.definitions.base import (
    Area,
    Benchmark,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)

compute = missing_share("A")


DEFINITION = IndicatorDefinition(
    code="cla_away_pct",
    ref="CLA-29",
    title="Looked-after children away from placement without authorisation",
    description=(
        "Of children looked after at any time in the period (short breaks excluded), the share "
        "with at least one incident of being away from placement without authorisation "
        "(whereabouts known, but not where they should be, and the carer concerned or the "
        "council or police told) while looked after in the period; an incident already under "
        "way when the period starts counts. Each child is attributed on their last day looked "
        "after in the period. Source: DfE 'Children looked after in England', missing table; "
        "LAIT 'Children_Away'."
    ),
    source="DfE SSDA903 (missing)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "missing_episode"),
    compute=compute,
    benchmark=Benchmark(lait="Children_Away", shorter_periods=False),
)

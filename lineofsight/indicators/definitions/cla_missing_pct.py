"""CLA-27 CLA who went missing during the year (%)."""

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

compute = missing_share("M")


DEFINITION = IndicatorDefinition(
    code="cla_missing_pct",
    ref="CLA-27",
    title="Looked-after children who went missing",
    description=(
        "Of children looked after at any time in the period (short breaks excluded), the share "
        "with at least one missing incident (not where they were expected to be and their "
        "whereabouts not known) while looked after in the period; an incident already under "
        "way when the period starts counts. Each child is attributed on their last day looked "
        "after in the period. Better recording raises it, and from 2017 some councils record "
        "every incident as missing rather than away. Source: DfE 'Children looked after in "
        "England', missing table; LAIT 'Children_missing'."
    ),
    source="DfE SSDA903 (missing)",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("cla_episode", "missing_episode"),
    compute=compute,
    benchmark=Benchmark(lait="Children_missing", shorter_periods=False),
)

"""CLA-23 Review health assessments on time (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions.base import (
    Area,
    IndicatorDefinition,
    Kind,
    PeriodKind,
    Polarity,
    Unit,
)
from lineofsight.indicators.definitions.common import on_time_share

compute = on_time_share("T-46")


DEFINITION = IndicatorDefinition(
    code="cla_review_health_on_time_pct",
    ref="CLA-23",
    title="Review health assessments on time",
    description=(
        "Of review health assessments due in the period (timescale T-46: 6 months after the "
        "previous assessment, initial or review, for a child under 5 on its date; 12 months "
        "from 5), the share done by the due date. One done after the period ended counts as "
        "not done in it; a clock stops when the period of care ends before it falls due. The "
        "team and worker are those responsible on the due date. Source: local; CPPCR reg 7 "
        "and Schedule 1."
    ),
    source="local",
    area=Area.LOOKED_AFTER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations", "cla_episode", "child", "health_check"),
    rules=("T-46",),
    compute=compute,
)

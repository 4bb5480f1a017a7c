"""OT-01 Private fostering: first visit within 7 working days of notification (%) (T-83)."""

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

compute = on_time_share("T-83")


DEFINITION = IndicatorDefinition(
    code="private_fostering_first_visit_on_time_pct",
    ref="OT-01",
    title="Private fostering: first visit within 7 working days of notification",
    description=(
        "Of the new private fostering arrangements whose first visit fell due in the period "
        "(7 working days after the notification, timescale T-83), the share where a private "
        "fostering visit was made by the due date. A visit after the period ends counts as "
        "late in it; an arrangement that ended before its visit fell due is not counted. "
        "Source: Children (Private Arrangements for Fostering) Regulations 2005, regs 4 and 7; "
        "a local measure since DfE stopped the PF1 collection in 2015."
    ),
    source="local",
    area=Area.OTHER,
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    period_kind=PeriodKind.DURING,
    kind=Kind.PERCENT,
    inputs=("obligations",),
    rules=("T-83",),
    compute=compute,
)

"""Reads for timescales: the council's configuration for the engine."""

from __future__ import annotations

import datetime as dt

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_today
from lineofsight.timescales.domain.allowances import (
    Allowance,
    CalendarDays,
    CalendarMonths,
    Weeks,
    WorkingDays,
)
from lineofsight.timescales.domain.timescale import LocalStandard, TimescaleConfig
from lineofsight.timescales.models import (
    AllowanceUnit,
    CaseloadEntry,
    ClosureDay,
    LocalStandardSetting,
)

UNITS: dict[str, type[WorkingDays] | type[CalendarDays] | type[Weeks] | type[CalendarMonths]] = {
    AllowanceUnit.WORKING_DAYS: WorkingDays,
    AllowanceUnit.CALENDAR_DAYS: CalendarDays,
    AllowanceUnit.WEEKS: Weeks,
    AllowanceUnit.CALENDAR_MONTHS: CalendarMonths,
}


def timescale_config() -> TimescaleConfig:
    """The engine's configuration: local standards and closure days the council has set.

    Not per-viewer and holds no personal data, so it takes no `viewer`.
    """
    standards: dict[str, LocalStandard] = {}
    for setting in LocalStandardSetting.objects.all():
        unit = UNITS[setting.unit]
        then: tuple[Allowance, ...] = (unit(setting.then),) if setting.then else ()
        standards[setting.rule] = LocalStandard(unit(setting.first), then)
    closures = frozenset(ClosureDay.objects.values_list("on", flat=True))
    return TimescaleConfig(local_standards=standards, closures=closures)


def deadlines_current(*, as_of: dt.date | None = None) -> bool:
    """Whether the stored deadlines were computed for `as_of` (default: today) after the last
    bulk load of journey records. Holds no personal data, so it takes no `viewer`."""
    as_of = as_of or council_today()
    refreshed = AuditEvent.objects.filter(record_type="deadlines").order_by("-occurred_at").first()
    if refreshed is None or not CaseloadEntry.objects.filter(computed_as_of=as_of).exists():
        return False
    return not AuditEvent.objects.filter(
        action=AuditAction.LOADED, occurred_at__gt=refreshed.occurred_at
    ).exists()

"""The council's configuration of the timescale engine, read from its settings.

Read by services (to recompute deadlines) and selectors alike, so it sits apart from both.
"""

from __future__ import annotations

from lineofsight.timescales.domain.allowances import (
    Allowance,
    CalendarDays,
    CalendarMonths,
    Weeks,
    WorkingDays,
)
from lineofsight.timescales.domain.timescale import LocalStandard, TimescaleConfig
from lineofsight.timescales.models import AllowanceUnit, ClosureDay, LocalStandardSetting

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

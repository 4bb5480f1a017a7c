"""How long a timescale allows: working days, calendar days, weeks, calendar months or hours.

Each allowance adds itself to one date (`due_from`) or to a Date series (`due_series`), using a
working-day calendar where it needs one. Hours apply to timestamps; on a date they are whole
days, which timescales.md §1.3 calls an approximation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from lineofsight.timescales.domain.calendar import WorkingDayCalendar, add_calendar_months


@dataclass(frozen=True)
class WorkingDays:
    n: int

    def due_from(self, start: dt.date, calendar: WorkingDayCalendar) -> dt.date:
        return calendar.add_working_days(start, self.n)

    def due_series(self, starts: pl.Series, calendar: WorkingDayCalendar) -> pl.Series:
        return calendar.add_working_days_series(starts, self.n)

    def __str__(self) -> str:
        return f"{self.n} working day{'s' * (self.n != 1)}"


@dataclass(frozen=True)
class SchoolDays(WorkingDays):
    """School days need a term calendar per council; until one is set they count as working days
    (the reading many councils use, timescales.md T-50)."""

    def __str__(self) -> str:
        return f"{self.n} school days (counted as working days)"


@dataclass(frozen=True)
class CalendarDays:
    n: int

    def due_from(self, start: dt.date, calendar: WorkingDayCalendar) -> dt.date:
        return start + dt.timedelta(days=self.n)

    def due_series(self, starts: pl.Series, calendar: WorkingDayCalendar) -> pl.Series:
        return starts + dt.timedelta(days=self.n)

    def __str__(self) -> str:
        return f"{self.n} day{'s' * (self.n != 1)}"


@dataclass(frozen=True)
class Weeks:
    n: int

    def due_from(self, start: dt.date, calendar: WorkingDayCalendar) -> dt.date:
        return start + dt.timedelta(weeks=self.n)

    def due_series(self, starts: pl.Series, calendar: WorkingDayCalendar) -> pl.Series:
        return starts + dt.timedelta(weeks=self.n)

    def __str__(self) -> str:
        return f"{self.n} week{'s' * (self.n != 1)}"


@dataclass(frozen=True)
class CalendarMonths:
    n: int

    def due_from(self, start: dt.date, calendar: WorkingDayCalendar) -> dt.date:
        return add_calendar_months(start, self.n)

    def due_series(self, starts: pl.Series, calendar: WorkingDayCalendar) -> pl.Series:
        # Polars clamps at the month end, as the Interpretation Act reading needs.
        return starts.dt.offset_by(f"{self.n}mo")

    def __str__(self) -> str:
        return f"{self.n} month{'s' * (self.n != 1)}"


@dataclass(frozen=True)
class Hours:
    n: int

    def due_from(self, start: dt.date, calendar: WorkingDayCalendar) -> dt.date:
        return start + dt.timedelta(days=-(-self.n // 24))

    def due_series(self, starts: pl.Series, calendar: WorkingDayCalendar) -> pl.Series:
        return starts + dt.timedelta(days=-(-self.n // 24))

    def due_at(self, start: dt.datetime) -> dt.datetime:
        return start + dt.timedelta(hours=self.n)

    def __str__(self) -> str:
        return f"{self.n} hours"


Allowance = WorkingDays | SchoolDays | CalendarDays | Weeks | CalendarMonths | Hours

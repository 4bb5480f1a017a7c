"""Reporting periods: financial years, quarters, months, rolling 12 months and as-at dates.

Labels are what a board paper says and what the CLI takes:

    2016-17               the financial year, 1 April 2016 to 31 March 2017
    2016-17 Q3            its third quarter, 1 October to 31 December 2016
    2017-03               the month of March 2017
    12 months to 2017-03  the rolling year, 1 April 2016 to 31 March 2017
    2017-01-15            an as-at date: snapshots are taken on it, and what happens "during"
                          is counted over the financial year to that date

Every period is inclusive of both ends. A period's collection year is the year of the 31 March
that ends the financial year its end falls in (2016-17 → 2017), which is how DfE and LAIT label
published figures.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import polars as pl


class Frequency(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    ROLLING_12_MONTHS = "rolling_12_months"
    AS_AT = "as_at"


class PeriodError(ValueError):
    """A period label that is not one of the forms above."""


PERIOD_FORMS = (
    "2016-17 (a financial year), 2016-17 Q3 (a quarter), 2017-03 (a month), "
    "'12 months to 2017-03' (a rolling year) or 2017-01-15 (an as-at date)"
)


@dataclass(frozen=True, order=True)
class Period:
    end: dt.date
    start: dt.date
    frequency: Frequency
    label: str

    @property
    def collection_year(self) -> int:
        """The year of the 31 March closing the financial year `end` falls in."""
        return self.end.year + 1 if self.end.month >= 4 else self.end.year

    @property
    def is_whole_year(self) -> bool:
        return (self.end - self.start).days >= 364


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def financial_year(ending: int) -> Period:
    """The financial year ending 31 March `ending`."""
    start = dt.date(ending - 1, 4, 1)
    end = dt.date(ending, 3, 31)
    return Period(end, start, Frequency.YEAR, f"{ending - 1}-{str(ending)[2:]}")


def quarter(ending: int, number: int) -> Period:
    """Quarter `number` (1 = April to June) of the financial year ending in `ending`."""
    if not 1 <= number <= 4:
        raise PeriodError(f"a quarter is Q1 to Q4, not Q{number}")
    year, month = _add_months(ending - 1, 4, 3 * (number - 1))
    end_year, end_month = _add_months(year, month, 2)
    label = f"{ending - 1}-{str(ending)[2:]} Q{number}"
    return Period(
        _month_end(end_year, end_month), dt.date(year, month, 1), Frequency.QUARTER, label
    )


def month(year: int, number: int) -> Period:
    return Period(
        _month_end(year, number), dt.date(year, number, 1), Frequency.MONTH, f"{year}-{number:02d}"
    )


def rolling_12_months(year: int, number: int) -> Period:
    """The twelve months ending with month `number` of `year`."""
    start_year, start_month = _add_months(year, number, -11)
    return Period(
        _month_end(year, number),
        dt.date(start_year, start_month, 1),
        Frequency.ROLLING_12_MONTHS,
        f"12 months to {year}-{number:02d}",
    )


def as_at(day: dt.date) -> Period:
    """Snapshots on `day`; during-period measures over the financial year to `day`."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return Period(day, dt.date(start_year, 4, 1), Frequency.AS_AT, day.isoformat())


_YEAR = re.compile(r"^(\d{4})[-/](\d{2})$")
_QUARTER = re.compile(r"^(\d{4})[-/](\d{2})\s*Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ROLLING = re.compile(r"^(?:12 months to|r12)\s*(\d{4})-(\d{2})$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def period_parse(label: str) -> Period:
    """The period a label names (see the module docstring), or PeriodError saying the forms."""
    text = " ".join(label.split())
    if found := _ROLLING.match(text):
        return rolling_12_months(int(found[1]), _month_number(found[2], label))
    if found := _QUARTER.match(text):
        return quarter(_ending(found[1], found[2], label), int(found[3]))
    if found := _DAY.match(text):
        try:
            return as_at(dt.date(int(found[1]), int(found[2]), int(found[3])))
        except ValueError as error:
            raise PeriodError(f"{label!r} is not a date: {error}") from error
    if (found := _YEAR.match(text)) and _is_year_pair(found[1], found[2]):
        return financial_year(_ending(found[1], found[2], label))
    if found := _MONTH.match(text):
        return month(int(found[1]), _month_number(found[2], label))
    raise PeriodError(f"{label!r} is not a period: use {PERIOD_FORMS}")


def _is_year_pair(first: str, second: str) -> bool:
    return (int(first) + 1) % 100 == int(second)


def _ending(first: str, second: str, label: str) -> int:
    if not _is_year_pair(first, second):
        raise PeriodError(f"{label!r}: a financial year runs from one year into the next (2016-17)")
    return int(first) + 1


def _month_number(text: str, label: str) -> int:
    number = int(text)
    if not 1 <= number <= 12:
        raise PeriodError(f"{label!r}: month {text} is not 01 to 12; use {PERIOD_FORMS}")
    return number


def periods_back(last: Period, count: int, frequency: Frequency | None = None) -> list[Period]:
    """`count` periods of `frequency` (the last one's by default) ending with the one that
    contains `last`'s end, oldest first: the trend behind a board's number."""
    frequency = frequency or last.frequency
    end = last.end
    ending = end.year + 1 if end.month >= 4 else end.year
    out: list[Period] = []
    for back in range(count - 1, -1, -1):
        if frequency is Frequency.YEAR:
            out.append(financial_year(ending - back))
        elif frequency is Frequency.QUARTER:
            number = (_add_months(end.year, end.month, -3)[1] - 1) // 3 + 1
            index = (ending * 4 + number - 1) - back
            out.append(quarter(index // 4, index % 4 + 1))
        elif frequency is Frequency.MONTH:
            out.append(month(*_add_months(end.year, end.month, -back)))
        elif frequency is Frequency.ROLLING_12_MONTHS:
            out.append(rolling_12_months(*_add_months(end.year, end.month, -back)))
        else:  # as-at dates step back a month at a time, on the same day of the month
            year, number = _add_months(end.year, end.month, -back)
            day = min(end.day, calendar.monthrange(year, number)[1])
            out.append(as_at(dt.date(year, number, day)))
    return out


def periods_frame(periods: Sequence[Period]) -> pl.DataFrame:
    """The `periods` argument every definition's compute takes."""
    return pl.DataFrame(
        {
            "period": [period.label for period in periods],
            "start": [period.start for period in periods],
            "end": [period.end for period in periods],
        },
        schema={"period": pl.String(), "start": pl.Date(), "end": pl.Date()},
    )

"""England and Wales bank holidays and working-day arithmetic on numpy day numbers.

Dates inside the generator are `int64` day numbers (days since 1970-01-01). Working days
are Monday to Friday excluding England and Wales bank holidays; the arithmetic is numpy's
business-day functions with our holiday table, so it is vectorised.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import numpy.typing as npt

Days = npt.NDArray[np.int64]

EPOCH = dt.date(1970, 1, 1)

# One-off bank holidays and the years when a regular one moved (England and Wales).
_EXTRA = (
    dt.date(1977, 6, 7),  # Silver Jubilee
    dt.date(1981, 7, 29),  # Royal wedding
    dt.date(1999, 12, 31),  # Millennium
    dt.date(2002, 6, 3),  # Golden Jubilee
    dt.date(2011, 4, 29),  # Royal wedding
    dt.date(2012, 6, 5),  # Diamond Jubilee
    dt.date(2022, 6, 3),  # Platinum Jubilee
    dt.date(2022, 9, 19),  # State funeral of Queen Elizabeth II
    dt.date(2023, 5, 8),  # Coronation of King Charles III
)
_EARLY_MAY_MOVED = {1995: dt.date(1995, 5, 8), 2020: dt.date(2020, 5, 8)}
_SPRING_MOVED = {
    1977: dt.date(1977, 6, 6),
    2002: dt.date(2002, 6, 4),
    2012: dt.date(2012, 6, 4),
    2022: dt.date(2022, 6, 2),
}


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous 'Meeus/Jones/Butcher' computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=last.weekday())


def bank_holidays(year: int) -> list[dt.date]:
    """England and Wales bank holidays in a calendar year (from 1971, when the pattern began)."""
    days: list[dt.date] = []
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() == 5:
        new_year += dt.timedelta(days=2)
    elif new_year.weekday() == 6:
        new_year += dt.timedelta(days=1)
    days.append(new_year)
    easter = easter_sunday(year)
    days += [easter - dt.timedelta(days=2), easter + dt.timedelta(days=1)]
    if year >= 1978:
        days.append(_EARLY_MAY_MOVED.get(year, _first_monday(year, 5)))
    days.append(_SPRING_MOVED.get(year, _last_monday(year, 5)))
    days.append(_last_monday(year, 8))
    christmas = dt.date(year, 12, 25)
    boxing = dt.date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday in lieu
        days += [dt.date(year, 12, 27), dt.date(year, 12, 28)]
    elif christmas.weekday() == 6:  # Sunday: Boxing Day Monday, Christmas in lieu Tuesday
        days += [boxing, dt.date(year, 12, 27)]
    elif christmas.weekday() == 4:  # Friday: Boxing Day in lieu on Monday
        days += [christmas, dt.date(year, 12, 28)]
    else:
        days += [christmas, boxing]
    days += [extra for extra in _EXTRA if extra.year == year]
    return sorted(set(days))


@lru_cache(maxsize=1)
def holiday_array(first_year: int = 1971, last_year: int = 2040) -> npt.NDArray[np.datetime64]:
    """All bank holidays from `first_year` to `last_year` as a sorted datetime64[D] array."""
    days = [d for year in range(first_year, last_year + 1) for d in bank_holidays(year)]
    return np.array(sorted(days), dtype="datetime64[D]")


def is_working_day(day: dt.date) -> bool:
    return bool(np.is_busday(np.datetime64(day, "D"), holidays=holiday_array()))


def add_working_days(days: Days, count: npt.ArrayLike) -> Days:
    """The working day `count` working days after each day (rolling forward off non-working days
    first, so 0 means 'this day or the next working day')."""
    out = np.busday_offset(
        days.astype("datetime64[D]"), count, roll="forward", holidays=holiday_array()
    )
    return out.astype(np.int64)


def working_days_between(start: Days, end: Days) -> Days:
    """Working days after `start` up to and including `end` (0 when on the same day)."""
    begin = start.astype("datetime64[D]") + 1
    finish = end.astype("datetime64[D]") + 1
    return np.busday_count(begin, finish, holidays=holiday_array()).astype(np.int64)


def roll_to_working_day(days: Days) -> Days:
    return add_working_days(days, 0)


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def to_date(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))

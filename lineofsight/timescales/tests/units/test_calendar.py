"""Working-day counting exactly as timescales.md §1.2-1.3 describes it."""

import datetime as dt

import pytest
from govuk_bank_holidays.bank_holidays import BankHolidays

from lineofsight.timescales.domain.calendar import (
    OutsideCalendarError,
    add_calendar_months,
    add_working_days,
    bank_holidays,
    national_calendar,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        # The four worked examples of timescales.md §1.2.
        (D(2017, 4, 13), 15, D(2017, 5, 9)),  # Good Friday, Easter Monday, early May skipped
        (D(2017, 12, 22), 1, D(2017, 12, 27)),  # 25 and 26 December
        (D(2017, 12, 15), 45, D(2018, 2, 21)),
        (D(2016, 12, 20), 20, D(2017, 1, 20)),  # 26-27 Dec 2016 and 2 Jan 2017 substitutes
        # Day 0 on a Saturday: Monday is day 1.
        (D(2017, 12, 16), 1, D(2017, 12, 18)),
        (D(2017, 12, 16), 0, D(2017, 12, 15)),  # day 0 itself; the due date never moves on
        # Easter 2019: Thursday 18 April + 1 is Tuesday 23 April.
        (D(2019, 4, 18), 1, D(2019, 4, 23)),
        # Christmas on a Saturday (2021): 27 and 28 December are substitute days.
        (D(2021, 12, 24), 1, D(2021, 12, 29)),
        # Christmas Eve and the days between Christmas and New Year still count.
        (D(2018, 12, 21), 2, D(2018, 12, 27)),
        # One-off bank holidays.
        (D(2011, 4, 28), 1, D(2011, 5, 3)),  # royal wedding 29 Apr, early May 2 May
        (D(2012, 6, 1), 1, D(2012, 6, 6)),  # 4-5 June 2012 Diamond Jubilee
        (D(2020, 5, 7), 1, D(2020, 5, 11)),  # early May moved to Friday 8 May 2020
        (D(2022, 6, 1), 1, D(2022, 6, 6)),  # 2-3 June 2022 Platinum Jubilee
        (D(2022, 9, 16), 1, D(2022, 9, 20)),  # 19 Sep 2022 state funeral
        (D(2023, 5, 5), 1, D(2023, 5, 9)),  # 8 May 2023 coronation
        # Not England and Wales holidays: 2 January in Scotland, St Patrick's Day.
        (D(2018, 1, 1), 1, D(2018, 1, 2)),
        (D(2017, 3, 16), 1, D(2017, 3, 17)),
    ],
)
def test_add_working_days(start, count, due):
    assert add_working_days(start, count) == due


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (D(2017, 4, 13), D(2017, 5, 9), 15),
        (D(2017, 12, 15), D(2018, 2, 21), 45),
        (D(2017, 12, 22), D(2017, 12, 27), 1),
        (D(2017, 12, 22), D(2017, 12, 22), 0),
        (D(2017, 5, 9), D(2017, 4, 13), -15),
    ],
)
def test_working_days_between_is_the_inverse_of_adding(start, end, count):
    assert working_days_between(start, end) == count
    if count > 0:
        assert add_working_days(start, count) == end


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (D(2017, 1, 31), 3, D(2017, 4, 30)),
        (D(2015, 8, 31), 6, D(2016, 2, 29)),
        (D(2017, 8, 31), 6, D(2018, 2, 28)),
        (D(2017, 11, 30), 3, D(2018, 2, 28)),
        (D(2017, 3, 15), 12, D(2018, 3, 15)),
    ],
)
def test_calendar_months_clamp_at_the_month_end(start, months, due):
    assert add_calendar_months(start, months) == due


def test_the_vectorised_form_agrees_with_the_single_date_form():
    import polars as pl

    starts = [D(2016, 12, 20) + dt.timedelta(days=n) for n in range(0, 800, 3)]
    series = national_calendar().add_working_days_series(pl.Series(starts), 20)
    assert series.to_list() == [add_working_days(day, 20) for day in starts]


def test_local_closures_lengthen_only_a_local_calendar():
    national = national_calendar()
    local = national.with_closures(frozenset({D(2017, 12, 27), D(2017, 12, 28)}))
    assert national.add_working_days(D(2017, 12, 22), 1) == D(2017, 12, 27)
    assert local.add_working_days(D(2017, 12, 22), 1) == D(2017, 12, 29)
    assert not national.is_local
    assert local.is_local


def test_dates_outside_the_shipped_calendar_are_refused_by_name():
    with pytest.raises(OutsideCalendarError, match="2036-01-02 is outside"):
        add_working_days(D(2036, 1, 2), 1)
    with pytest.raises(OutsideCalendarError, match="2036"):
        add_working_days(D(2035, 12, 20), 20)


def test_shipped_holidays_cover_1975_to_2035_on_weekdays_only():
    days = [holiday.on for holiday in bank_holidays()]
    assert days == sorted(days)
    assert {day.year for day in days} == set(range(1975, 2036))
    assert all(day.weekday() < 5 for day in days)
    assert len(days) == len(set(days))


def test_shipped_holidays_agree_with_govuk_from_2012():
    """Cross-check with GOV.UK's own England and Wales list, as bundled by
    `govuk-bank-holidays` (it covers 2012 onward)."""
    govuk = BankHolidays(use_cached_holidays=True).get_holidays(
        division=BankHolidays.ENGLAND_AND_WALES
    )
    theirs = {event["date"] for event in govuk}
    first, last = min(theirs), max(theirs)
    assert first.year == 2012
    assert last.year >= 2026
    ours = {holiday.on for holiday in bank_holidays() if first <= holiday.on <= last}
    assert ours == theirs

"""Bank holidays, working days, UPNs and NHS numbers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from lineofsight.synth.calendar import (
    add_working_days,
    bank_holidays,
    day_number,
    easter_sunday,
    to_date,
    working_days_between,
)
from lineofsight.synth.ids import nhs_is_valid, nhs_numbers, upn_check_letter, upn_is_valid, upns


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2011, dt.date(2011, 4, 24)),
        (2017, dt.date(2017, 4, 16)),
        (2019, dt.date(2019, 4, 21)),
        (2024, dt.date(2024, 3, 31)),
    ],
)
def test_easter(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "holiday",
    [
        dt.date(2002, 6, 3),
        dt.date(2002, 6, 4),  # Golden Jubilee; spring holiday moved
        dt.date(2011, 4, 29),  # royal wedding
        dt.date(2012, 6, 4),
        dt.date(2012, 6, 5),  # Diamond Jubilee
        dt.date(2020, 5, 8),  # early May moved for VE day
        dt.date(2022, 6, 2),
        dt.date(2022, 6, 3),
        dt.date(2022, 9, 19),
        dt.date(2023, 5, 8),  # coronation
        dt.date(2016, 12, 27),  # Christmas on a Sunday
        dt.date(2010, 12, 27),
        dt.date(2010, 12, 28),  # Christmas on a Saturday
        dt.date(2017, 1, 2),  # New Year's Day on a Sunday
        dt.date(2017, 4, 14),
        dt.date(2017, 4, 17),
        dt.date(2017, 8, 28),
    ],
)
def test_bank_holidays(holiday: dt.date) -> None:
    assert holiday in bank_holidays(holiday.year)


def test_moved_holidays_are_not_doubled() -> None:
    assert dt.date(2020, 5, 4) not in bank_holidays(2020)
    assert dt.date(2022, 5, 30) not in bank_holidays(2022)
    assert len(bank_holidays(2019)) == 8


def test_working_days() -> None:
    thursday = np.array([day_number(dt.date(2017, 4, 13))])
    # Good Friday and Easter Monday are skipped
    assert to_date(int(add_working_days(thursday, 1)[0])) == dt.date(2017, 4, 18)
    start = np.array([day_number(dt.date(2017, 4, 10))])
    end = np.array([day_number(dt.date(2017, 4, 21))])
    assert int(working_days_between(start, end)[0]) == 7


def test_upns_have_the_dfe_check_letter() -> None:
    assert upn_check_letter("000000000000") == "A"
    made = upns(np.random.default_rng(3), "335", np.array([2005, 2009, 2012, 2001]))
    assert all(upn_is_valid(upn) for upn in made)
    assert all(upn[1:4] == "335" for upn in made)
    assert not upn_is_valid("A335000000000")  # wrong letter for these digits


def test_nhs_numbers_are_valid_test_numbers() -> None:
    made = nhs_numbers(np.random.default_rng(4), 50)
    assert len(set(made)) == 50
    assert all(nhs_is_valid(number) and number.startswith("999") for number in made)

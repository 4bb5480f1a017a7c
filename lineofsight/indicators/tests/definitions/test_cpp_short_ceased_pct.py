"""CP-12 plans ending within 3 months: ended before the date 3 calendar months on."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cpp_short_ceased_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=referrals(4),
    cp_plan=[
        # Started 10 January, ended 9 April: under 3 months.
        plan("P1", "R1", dt.date(2016, 1, 10), dt.date(2016, 4, 9)),
        # Ended 10 April: 3 months, not under.
        plan("P2", "R2", dt.date(2016, 1, 10), dt.date(2016, 4, 10)),
        # Started 30 November, ended 27 February (3 months on is 28 February): under.
        plan("P3", "R3", dt.date(2016, 11, 30), dt.date(2017, 2, 27)),
        # A short plan that ended before the year: not in the base.
        plan("P4", "R4", dt.date(2016, 1, 1), dt.date(2016, 2, 1)),
    ],
)


def test_plans_ending_in_the_year_flagged_when_under_three_months():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P1", "P2", "P3"],
            "numerator": [1.0, 0.0, 1.0],
            "denominator": [1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_plans_ending():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (2.0, 3.0)
    assert value is not None
    assert round(value, 1) == 66.7

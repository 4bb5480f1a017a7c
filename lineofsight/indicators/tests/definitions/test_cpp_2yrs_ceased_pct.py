"""CP-11 plans ending that lasted 2 years or more: more than 729 days including the last day."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cpp_2yrs_ceased_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=referrals(4),
    cp_plan=[
        # 729 days from start to end (730 counting the day of cessation): two years.
        plan("P1", "R1", dt.date(2014, 6, 1), dt.date(2016, 5, 30)),
        # 728 days (729 counting it): not.
        plan("P2", "R2", dt.date(2014, 6, 1), dt.date(2016, 5, 29)),
        # A short plan ending in the year: in the base only.
        plan("P3", "R3", dt.date(2016, 6, 1), dt.date(2016, 12, 1)),
        # Ends after the year: not in the base; a still open plan neither.
        plan("P4", "R4", dt.date(2014, 1, 1), dt.date(2017, 4, 1)),
        plan("P5", "R4", dt.date(2013, 1, 1)),
    ],
)


def test_plans_ending_in_the_year_flagged_when_they_lasted_two_years():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P1", "P2", "P3"],
            "numerator": [1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0],
            "on": [dt.date(2016, 5, 30), dt.date(2016, 5, 29), dt.date(2016, 12, 1)],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_of_plans_ending():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

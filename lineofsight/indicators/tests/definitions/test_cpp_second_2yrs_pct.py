"""CP-09 plans within 2 years of a previous plan: a recorded end in the 730 days before."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cpp_second_2yrs_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=referrals(4),
    cp_plan=[
        # C1: previous plan ended 730 days before the new one: within 2 years.
        plan("P1", "R1", dt.date(2013, 6, 1), dt.date(2014, 6, 1)),
        plan("P2", "R1", dt.date(2016, 5, 31)),
        # C2: 731 days: not within.
        plan("P3", "R2", dt.date(2013, 6, 1), dt.date(2014, 6, 1)),
        plan("P4", "R2", dt.date(2016, 6, 1)),
        # C3: a previous plan known only as a count has no end date: not within.
        plan("P5", "R3", dt.date(2016, 7, 1), previous_plans_count=2),
        # C4: two earlier plans; the later end (1 year before) decides.
        plan("P6", "R4", dt.date(2010, 1, 1), dt.date(2011, 1, 1)),
        plan("P7", "R4", dt.date(2015, 1, 1), dt.date(2015, 9, 1)),
        plan("P8", "R4", dt.date(2016, 9, 1)),
    ],
)


def test_plans_started_in_the_year_flagged_when_a_plan_ended_in_the_730_days_before():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P2", "P4", "P5", "P8"],
            "numerator": [1.0, 0.0, 0.0, 1.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_plans_starting():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

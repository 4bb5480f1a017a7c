"""CP-10 plans open at period end for 2 years or more: more than 729 days counting both ends."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cpp_2yrs_active_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=referrals(5),
    cp_plan=[
        # 730 days from start to 31 March 2017 (731 counting both): two years.
        plan("P1", "R1", dt.date(2015, 4, 1)),
        # 729 days (730 counting both, more than 729): two years.
        plan("P2", "R2", dt.date(2015, 4, 2)),
        # 728 days (729 counting both): not.
        plan("P3", "R3", dt.date(2015, 4, 3)),
        # A recent plan: in the base only.
        plan("P4", "R4", dt.date(2016, 10, 1)),
        # A long plan that ended on 31 March is not open: not in the base.
        plan("P5", "R5", dt.date(2014, 1, 1), dt.date(2017, 3, 31)),
    ],
)


def test_children_on_a_plan_flagged_when_it_has_lasted_two_years():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P1", "P2", "P3", "P4"],
            "numerator": [1.0, 1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_children_on_a_plan():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

"""CP-08 second or subsequent plans: an earlier plan in the records, or one recorded as a count."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cpp_second_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        {"key": "R1", "child_id": "C1"},
        {"key": "R1b", "child_id": "C1"},
        {"key": "R2", "child_id": "C2"},
        {"key": "R3", "child_id": "C3"},
    ],
    cp_plan=[
        # C1: a plan years ago (not in the year) and a new one in it: second plan.
        plan("P1", "R1", dt.date(2009, 6, 1), dt.date(2010, 1, 1)),
        plan("P2", "R1b", dt.date(2016, 6, 1)),
        # C2: no earlier plan here, but one recorded (another council's): second plan.
        plan("P3", "R2", dt.date(2016, 7, 1), previous_plans_count=1),
        # C3: first plan ever.
        plan("P4", "R3", dt.date(2016, 8, 1)),
    ],
)


def test_plans_started_in_the_year_flagged_when_not_the_first():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P2", "P3", "P4"],
            "numerator": [1.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_plans_starting():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (2.0, 3.0)
    assert value is not None
    assert round(value, 1) == 66.7

"""CP-17 children on a plan at period end with initial category neglect."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cpp_category_neglect_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

MAY = dt.date(2016, 5, 1)  # every plan here starts on 1 May 2016
FRAMES = build(
    referral=referrals(4),
    cp_plan=[
        # Neglect at the start, emotional abuse now: the initial category counts.
        plan("P1", "R1", MAY, initial_category="NEG", latest_category="EMO"),
        # Emotional abuse at the start, neglect now: not.
        plan("P2", "R2", MAY, initial_category="EMO", latest_category="NEG"),
        # Multiple categories is its own category, not neglect.
        plan("P3", "R3", MAY, initial_category="MUL", latest_category="MUL"),
        # Neglect, but ended on 31 March: not on a plan then.
        plan("P4", "R4", MAY, dt.date(2017, 3, 31), initial_category="NEG", latest_category="NEG"),
    ],
)


def test_children_on_a_plan_by_initial_category():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P1", "P2", "P3"],
            "numerator": [1.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_children_on_a_plan():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

"""CL-07 care leavers aged 19-21 the council is not in touch with (activity not known)."""

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_19_21_not_in_touch_pct import DEFINITION
from lineofsight.indicators.tests.definitions._leavers_frames import turning_19
from lineofsight.indicators.tests.frames import counted_rows, value_of

# Each young person turns 19 on the first of a month of 2016-17 (born 1997), after care
# from 15 to 18; their record is dated on the birthday: (in touch, activity).
PEOPLE = {
    "Y1": ("NO", "0"),  # not in touch, nothing known: counted
    "Y2": ("NO", "F3"),  # not in touch, but a third party gave the activity: not counted
    "Y3": ("REFU", "0"),  # refused contact: not counted
    "Y4": ("YES", "F2"),  # in touch
}

FRAMES = turning_19(PEOPLE)


def test_the_cohort_is_counted_by_contact():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4"],
            "numerator": [1.0, 0.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator"), expected)
    assert rows["denominator"].to_list() == [1.0] * len(["Y1", "Y2", "Y3", "Y4"])


def test_value_is_the_share_of_the_cohort():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 4.0, 25.0)

"""CL-06 care leavers aged 19-21 in higher education, full- or part-time."""

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_19_21_higher_education_pct import DEFINITION
from lineofsight.indicators.tests.definitions._leavers_frames import turning_19
from lineofsight.indicators.tests.frames import counted_rows, value_of

# Each young person turns 19 on the first of a month of 2016-17 (born 1997), after care
# from 15 to 18; their record is dated on the birthday: (in touch, activity).
PEOPLE = {
    "Y1": ("YES", "F1"),  # full-time higher education
    "Y2": ("YES", "P1"),  # part-time higher education
    "Y3": ("YES", "F2"),  # other education: not higher
    "Y4": ("YES", "G5"),  # NEET
    "Y5": ("REFU", "0"),  # refused contact: in the base, not known
}

FRAMES = turning_19(PEOPLE)


def test_the_cohort_is_counted_by_higher_education():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4", "Y5"],
            "numerator": [1.0, 1.0, 0.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator"), expected)
    assert rows["denominator"].to_list() == [1.0] * len(["Y1", "Y2", "Y3", "Y4", "Y5"])


def test_value_is_the_share_of_the_cohort():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)

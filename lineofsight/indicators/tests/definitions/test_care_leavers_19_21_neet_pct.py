"""CL-05 care leavers aged 19-21 not in education, employment or training; activity not
known is not NEET."""

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_19_21_neet_pct import DEFINITION
from lineofsight.indicators.tests.definitions._leavers_frames import turning_19
from lineofsight.indicators.tests.frames import counted_rows, value_of

# Each young person turns 19 on the first of a month of 2016-17 (born 1997), after care
# from 15 to 18; their record is dated on the birthday: (in touch, activity).
PEOPLE = {
    "Y1": ("YES", "G4"),  # NEET: illness or disability
    "Y2": ("YES", "G6"),  # NEET: pregnancy or parenting
    "Y3": ("YES", "F1"),  # in higher education
    "Y4": ("NO", "0"),  # not in touch: in the base, activity not known, not NEET
    "Y5": ("RHOM", "0"),  # returned home for six months or more: out of the cohort
}

FRAMES = turning_19(PEOPLE)


def test_the_cohort_is_counted_by_neet_activity():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4"],
            "numerator": [1.0, 1.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator"), expected)
    assert rows["denominator"].to_list() == [1.0] * len(["Y1", "Y2", "Y3", "Y4"])


def test_value_is_the_share_of_the_cohort():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

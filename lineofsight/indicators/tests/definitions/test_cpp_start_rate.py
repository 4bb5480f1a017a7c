"""CP-06 CP plans starting per 10,000: each plan started in the period."""

import datetime as dt

from lineofsight.indicators.definitions.cpp_start_rate import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}, {"key": "R2", "child_id": "C2"}],
    cp_plan=[
        # First and last days of the year: in.
        plan("P1", "R1", dt.date(2016, 4, 1), dt.date(2016, 6, 1)),
        plan("P2", "R2", dt.date(2017, 3, 31)),
        # The same child's second plan in the year counts again.
        plan("P3", "R1", dt.date(2016, 9, 1)),
        # Started the day before the year (still open in it): out.
        plan("P4", "R2", dt.date(2016, 3, 31), dt.date(2016, 5, 1)),
    ],
)


def test_each_plan_started_in_the_year_counts():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id", "on").rows() == [
        ("P1", "C1", dt.date(2016, 4, 1)),
        ("P2", "C2", dt.date(2017, 3, 31)),
        ("P3", "C1", dt.date(2016, 9, 1)),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=10_000) == (3.0, 1.0, 3.0)

"""CP-13 plans ending per 10,000: each cessation in the period."""

import datetime as dt

from lineofsight.indicators.definitions.cpp_ceased_rate import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}, {"key": "R2", "child_id": "C2"}],
    cp_plan=[
        # Ended on the first and last days of the year: in.
        plan("P1", "R1", dt.date(2015, 9, 1), dt.date(2016, 4, 1)),
        plan("P2", "R2", dt.date(2016, 9, 1), dt.date(2017, 3, 31)),
        # The same child's second cessation counts again.
        plan("P3", "R1", dt.date(2016, 6, 1), dt.date(2016, 12, 1)),
        # Ended after the year, and still open: out.
        plan("P4", "R1", dt.date(2017, 1, 1), dt.date(2017, 4, 1)),
        plan("P5", "R2", dt.date(2017, 3, 31)),
    ],
)


def test_each_plan_ending_in_the_year_counts():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id", "on").rows() == [
        ("P1", "C1", dt.date(2016, 4, 1)),
        ("P2", "C2", dt.date(2017, 3, 31)),
        ("P3", "C1", dt.date(2016, 12, 1)),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (3.0, 2.0, 1.5)

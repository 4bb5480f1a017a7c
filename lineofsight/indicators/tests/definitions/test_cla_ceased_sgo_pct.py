"""CLA-34 ceasing through an SGO: each child's last cessation in the period, reasons E43-E48."""

import datetime as dt

from lineofsight.indicators.definitions.cla_ceased_sgo_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import ending
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)
FRAMES = build(
    cla_episode=[
        ending("E1", "C1", LONG_AGO, dt.date(2016, 6, 1), "E43"),  # SGO (to 2017-18 codes)
        # C2 went home in May, came back and left in December with an SGO (a 2018-19 code):
        # only the last cessation counts.
        ending("E2a", "C2", LONG_AGO, dt.date(2016, 5, 1), "E4A"),
        ending("E2b", "C2", dt.date(2016, 8, 1), dt.date(2016, 12, 1), "E45"),
        ending("E3", "C3", LONG_AGO, dt.date(2016, 9, 1), "E4A"),
        # C4's first episode ends X1, a new one starting the same day: one period of care,
        # ending in October.
        ending("E4a", "C4", LONG_AGO, dt.date(2016, 7, 1), "X1"),
        ending("E4b", "C4", dt.date(2016, 7, 1), dt.date(2016, 10, 1), "E4B", reason="P"),
        ending("E5", "C5", LONG_AGO, dt.date(2016, 3, 31), "E43"),  # before the year
        ending("E6", "C6", LONG_AGO, dt.date(2017, 4, 1), "E44"),  # after it
        ending("E7", "C7", LONG_AGO, dt.date(2016, 6, 1), "E44", status="V3"),  # breaks
    ]
)


def test_last_cessation_of_each_child():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("child_id", "item", "numerator", "denominator", "on").rows() == [
        ("C1", "E1", 1.0, 1.0, dt.date(2016, 6, 1)),
        ("C2", "E2b", 1.0, 1.0, dt.date(2016, 12, 1)),
        ("C3", "E3", 0.0, 1.0, dt.date(2016, 9, 1)),
        ("C4", "E4a", 0.0, 1.0, dt.date(2016, 10, 1)),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)


def test_months_count_their_own_cessations():
    rows = counted_rows(DEFINITION, FRAMES, "2016-05", "2016-12")
    assert rows.select("period", "child_id", "numerator").rows() == [
        ("2016-05", "C2", 0.0),  # went home in May
        ("2016-12", "C2", 1.0),
    ]

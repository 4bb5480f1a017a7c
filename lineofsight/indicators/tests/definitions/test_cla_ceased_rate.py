"""CLA-03 children ceasing to be looked after: each child once, at the last cessation."""

import datetime as dt

from lineofsight.indicators.definitions.cla_ceased_rate import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    cla_episode=[
        episode("C1", dt.date(2015, 1, 1), dt.date(2016, 4, 1), ceased="E13"),  # first day: in
        # C2 ceases twice: counted once, at the last.
        episode("C2", dt.date(2016, 2, 1), dt.date(2016, 5, 1), ceased="E13"),
        episode("C2", dt.date(2016, 6, 1), dt.date(2016, 10, 1), ceased="E41"),
        episode("C3", dt.date(2016, 1, 1), dt.date(2017, 4, 1), ceased="E13"),  # the next year
        # C4's episode ends with another starting the same day: not a cessation.
        episode("C4", dt.date(2016, 1, 1), dt.date(2016, 7, 1), ceased="X1"),
        episode("C4", dt.date(2016, 7, 1), reason="P"),
        episode("C5", dt.date(2016, 5, 1), dt.date(2016, 5, 3), status="V3"),  # short break
        episode("C6", dt.date(2016, 1, 1), dt.date(2017, 3, 31), ceased="E17"),  # last day: in
    ]
)


def test_each_child_counts_once_at_the_last_cessation():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "on", "numerator").rows() == [
        ("C1", dt.date(2016, 4, 1), 1.0),
        ("C2", dt.date(2016, 10, 1), 1.0),
        ("C6", dt.date(2017, 3, 31), 1.0),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=30_000) == (3.0, 3.0, 1.0)


def test_each_cessation_counts_in_its_own_month():
    rows = counted_rows(DEFINITION, FRAMES, "2016-05", "2016-10")
    assert rows.select("period", "item").rows() == [("2016-05", "C2"), ("2016-10", "C2")]

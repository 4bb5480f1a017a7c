"""CLA-02 children starting to be looked after: each child once, at the first start."""

import datetime as dt

from lineofsight.indicators.definitions.cla_started_rate import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    cla_episode=[
        episode("C1", dt.date(2016, 4, 1)),  # first day of the year: a start
        # C2 starts, leaves and starts again: one child, counted at the first start.
        episode("C2", dt.date(2016, 5, 1), dt.date(2016, 6, 1)),
        episode("C2", dt.date(2016, 9, 1)),
        episode("C3", dt.date(2016, 3, 31)),  # started the day before the year: out
        # C4 moves placement in the year within a period of care begun in 2015: not a start.
        episode("C4", dt.date(2015, 2, 1), dt.date(2016, 7, 1)),
        episode("C4", dt.date(2016, 7, 1), reason="P"),
        episode("C5", dt.date(2016, 6, 1), status="V3"),  # a short break: out
    ]
)


def test_each_child_counts_once_at_the_first_start():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "on", "numerator").rows() == [
        ("C1", dt.date(2016, 4, 1), 1.0),
        ("C2", dt.date(2016, 5, 1), 1.0),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=10_000) == (2.0, 1.0, 2.0)


def test_second_start_counts_in_its_own_month():
    rows = counted_rows(DEFINITION, FRAMES, "2016-05", "2016-09")
    assert rows.select("period", "item").rows() == [("2016-05", "C2"), ("2016-09", "C2")]

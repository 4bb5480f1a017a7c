"""CLA-35 ceasing by returning home as planned: each child's last cessation in the period,
reason E4A."""

import datetime as dt

from lineofsight.indicators.definitions.cla_ceased_home_planned_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import ending
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)
FRAMES = build(
    cla_episode=[
        ending("E1", "C1", LONG_AGO, dt.date(2016, 6, 1), "E4A"),  # home, as planned
        ending("E2", "C2", LONG_AGO, dt.date(2016, 6, 1), "E4B"),  # home, not in the plan
        # C3 went home as planned, came back and was adopted: the last cessation counts.
        ending("E3a", "C3", LONG_AGO, dt.date(2016, 5, 1), "E4A"),
        ending("E3b", "C3", dt.date(2016, 8, 1), dt.date(2017, 2, 1), "E11"),
        ending("E4", "C4", LONG_AGO, dt.date(2017, 3, 31), "E4A"),  # the last day: in
    ]
)


def test_returned_home_as_part_of_the_plan():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("E1", 1.0, 1.0),
        ("E2", 0.0, 1.0),
        ("E3b", 0.0, 1.0),
        ("E4", 1.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

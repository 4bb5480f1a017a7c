"""CLA-08 children placed more than 20 miles from home and outside the council's area."""

import datetime as dt

from lineofsight.indicators.definitions.cla_placed_over_20_miles_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(child, start, end=None, *, miles, where, **more):
    """A foster placement `miles` from home, IN or OUT of the council's area."""
    return cla_episode(child, start, end, distance_miles=miles, placement_location=where, **more)


D = dt.date
FRAMES = build(
    cla_episode=[
        episode("C1", D(2016, 6, 1), miles=25.0, where="OUT"),  # far and out of area: counted
        episode("C2", D(2016, 6, 1), miles=20.0, where="OUT"),  # exactly 20 miles: not more
        episode("C3", D(2016, 6, 1), miles=30.0, where="IN"),  # far but inside the area
        episode("C4", D(2016, 6, 1), miles=None, where="OUT"),  # distance unknown: base only
        # C5 was placed far away, then moved near home: the placement on 31 March counts.
        episode("C5", D(2016, 6, 1), D(2016, 12, 1), miles=40.0, where="OUT"),
        episode("C5", D(2016, 12, 1), miles=3.0, where="IN", reason="P"),
        # C6 is on short breaks only: not in the base.
        episode("C6", D(2016, 6, 1), miles=50.0, where="OUT", status="V4"),
    ]
)


def test_the_placement_on_the_end_date_is_read():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 0.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C5", 0.0, 1.0),
    ]


def test_value_is_the_share():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 5.0, 20.0)


def test_before_the_move_the_far_placement_counts():
    rows = counted_rows(DEFINITION, FRAMES, "2016-10")
    assert rows.filter(rows["numerator"] > 0)["item"].to_list() == ["C1", "C5"]

"""CLA-07 children looked after 2 years or more with 3 or more placements in those 2 years."""

import datetime as dt
from functools import partial

import pytest

from lineofsight.indicators.definitions.cla_placements_3plus_2y_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

# The episodes here are new placements (P) unless they say otherwise.
episode = partial(cla_episode, reason="P")

D = dt.date
FRAMES = build(
    cla_episode=[
        # C1: looked after since 2014; a placement open on 1 April 2015 and two more: 3.
        episode("C1", D(2014, 1, 1), D(2015, 6, 1), reason="S"),
        episode("C1", D(2015, 6, 1), D(2016, 6, 1)),
        episode("C1", D(2016, 6, 1)),
        # C2: looked after exactly 2 years, one placement: in the base, not counted.
        episode("C2", D(2015, 3, 31), reason="S"),
        # C3: a day short of 2 years looked after: not in the base despite 3 placements.
        episode("C3", D(2015, 4, 1), D(2015, 9, 1), reason="S"),
        episode("C3", D(2015, 9, 1), D(2016, 9, 1)),
        episode("C3", D(2016, 9, 1)),
        # C4: the first placement ended on 31 March 2015, before the two years: 2.
        episode("C4", D(2013, 1, 1), D(2015, 3, 31), reason="S"),
        episode("C4", D(2015, 3, 31), D(2016, 3, 1)),
        episode("C4", D(2016, 3, 1)),
    ]
)


def test_placements_over_the_two_years():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C4", 0.0, 1.0),
    ]


def test_value_is_the_share():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 3.0, pytest.approx(100 / 3))

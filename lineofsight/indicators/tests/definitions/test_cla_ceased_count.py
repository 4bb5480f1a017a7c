"""CLA-03 (count) children ceasing to be looked after."""

import datetime as dt

from lineofsight.indicators.definitions.cla_ceased_count import DEFINITION
from lineofsight.indicators.tests.frames import build, value_of

FRAMES = build(
    cla_episode=[
        # C1 ceases twice in the year: one child.
        {
            "child_id": "C1",
            "started_on": dt.date(2016, 2, 1),
            "ended_on": dt.date(2016, 5, 1),
            "placement_type": "U6",
        },
        {
            "child_id": "C1",
            "started_on": dt.date(2016, 6, 1),
            "ended_on": dt.date(2016, 10, 1),
            "placement_type": "U6",
        },
        # C2 is still looked after: not counted.
        {"child_id": "C2", "started_on": dt.date(2016, 6, 1), "placement_type": "U6"},
    ]
)


def test_value_is_the_number_of_children():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 1.0, 1.0)

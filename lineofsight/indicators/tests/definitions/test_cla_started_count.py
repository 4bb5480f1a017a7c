"""CLA-02 (count) children starting to be looked after."""

import datetime as dt

from lineofsight.indicators.definitions.cla_started_count import DEFINITION
from lineofsight.indicators.tests.frames import build, value_of

FRAMES = build(
    cla_episode=[
        # C1 starts twice in the year: one child.
        {
            "child_id": "C1",
            "started_on": dt.date(2016, 5, 1),
            "ended_on": dt.date(2016, 6, 1),
            "placement_type": "U6",
        },
        {"child_id": "C1", "started_on": dt.date(2016, 9, 1), "placement_type": "U6"},
        # C2 starts the year after: not counted.
        {"child_id": "C2", "started_on": dt.date(2017, 4, 1), "placement_type": "U6"},
    ]
)


def test_value_is_the_number_of_children():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 1.0, 1.0)

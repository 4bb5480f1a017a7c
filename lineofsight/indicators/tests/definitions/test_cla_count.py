"""CLA-01 (count) children looked after: the number behind the rate."""

import datetime as dt

from lineofsight.indicators.definitions.cla_count import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    cla_episode=[
        # C1 looked after on 31 March: counted.
        {"child_id": "C1", "started_on": dt.date(2016, 1, 10), "placement_type": "U6"},
        # C2 ceased on 31 March: not looked after on it.
        {
            "child_id": "C2",
            "started_on": dt.date(2016, 6, 1),
            "ended_on": dt.date(2017, 3, 31),
            "placement_type": "U6",
        },
        # C3 on short breaks (V4) only: not counted.
        {
            "child_id": "C3",
            "started_on": dt.date(2016, 6, 1),
            "legal_status": "V4",
            "placement_type": "U6",
        },
    ]
)


def test_counts_children_looked_after_on_the_end_date():
    assert counted_rows(DEFINITION, FRAMES, "2016-17")["item"].to_list() == ["C1"]


def test_value_is_the_count_whatever_the_population():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (1.0, 1.0, 1.0)

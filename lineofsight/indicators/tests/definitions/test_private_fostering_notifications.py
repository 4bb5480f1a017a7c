"""OT-01 private fostering notifications received in the period, each arrangement counted."""

import datetime as dt

from lineofsight.indicators.definitions.private_fostering_notifications import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    private_fostering_arrangement=[
        # PF1: notified on the first day: in.
        {"key": "PF1", "child_id": "C1", "notified_on": dt.date(2016, 4, 1)},
        # PF2: the same child's second arrangement: counts too.
        {"key": "PF2", "child_id": "C1", "notified_on": dt.date(2016, 11, 1)},
        # PF3: notified on the last day: in, though it started before the year.
        {
            "key": "PF3",
            "child_id": "C3",
            "notified_on": dt.date(2017, 3, 31),
            "started_on": dt.date(2016, 2, 1),
        },
        # PF4: notified the year before, still going: not a notification of this year.
        {"key": "PF4", "child_id": "C4", "notified_on": dt.date(2016, 3, 31)},
    ]
)


def test_each_notification_in_the_period():
    assert counted_rows(DEFINITION, FRAMES, "2016-17")["item"].to_list() == ["PF1", "PF2", "PF3"]


def test_value_is_the_count():
    assert value_of(DEFINITION, FRAMES, "2016-17")[0] == 3.0

"""CLA-04 (count) UASC looked after on the end date."""

import datetime as dt

from lineofsight.indicators.definitions.cla_uasc_count import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    child=[
        {"child_id": "C1", "is_uasc": True},  # UASC looked after: counted
        {"child_id": "C2", "is_uasc": False},  # not UASC: not listed
        {"child_id": "C3", "is_uasc": True, "uasc_ceased_on": dt.date(2017, 2, 1)},  # ceased
    ],
    cla_episode=[
        {"child_id": child, "started_on": dt.date(2016, 9, 1), "placement_type": "U6"}
        for child in ("C1", "C2", "C3")
    ],
)


def test_only_uasc_are_counted():
    assert counted_rows(DEFINITION, FRAMES, "2016-17")["item"].to_list() == ["C1"]


def test_value_is_the_number():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 1.0, 1.0)

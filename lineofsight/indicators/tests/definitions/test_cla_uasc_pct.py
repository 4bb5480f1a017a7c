"""CLA-04 UASC as a share of children looked after on the end date."""

import datetime as dt

from lineofsight.indicators.definitions.cla_uasc_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(child, start, end=None):
    return {"child_id": child, "started_on": start, "ended_on": end, "placement_type": "U6"}


FRAMES = build(
    child=[
        {"child_id": "C1", "is_uasc": True},  # UASC, status not ceased: counted
        {"child_id": "C2", "is_uasc": True, "uasc_ceased_on": dt.date(2017, 3, 31)},  # ceased
        {"child_id": "C3", "is_uasc": True, "uasc_ceased_on": dt.date(2017, 4, 1)},  # not yet
        {"child_id": "C4", "is_uasc": False},  # not UASC: base only
        {"child_id": "C5", "is_uasc": True},  # UASC but no longer looked after: out
    ],
    cla_episode=[
        episode("C1", dt.date(2016, 9, 1)),
        episode("C2", dt.date(2016, 9, 1)),
        episode("C3", dt.date(2016, 9, 1)),
        episode("C4", dt.date(2016, 9, 1)),
        episode("C5", dt.date(2016, 9, 1), dt.date(2017, 1, 1)),
    ],
)


def test_uasc_among_children_looked_after():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 1.0, 1.0),
        ("C4", 0.0, 1.0),
    ]


def test_value_is_the_share():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

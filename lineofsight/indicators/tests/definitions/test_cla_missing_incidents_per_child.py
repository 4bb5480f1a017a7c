"""CLA-28 missing incidents per missing child: incidents while looked after in the period over
the children who had one."""

import datetime as dt
from typing import Any

import pytest

from lineofsight.indicators.definitions.cla_missing_incidents_per_child import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def missing(key: str, child: str, went: dt.datetime, kind: str = "M") -> dict[str, Any]:
    back = went + dt.timedelta(hours=20)
    return {"key": key, "child_id": child, "kind": kind, "started_at": went, "ended_at": back}


FRAMES = build(
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 4)
    ],
    missing_episode=[
        missing("M1", "C1", dt.datetime(2016, 5, 1, 12)),
        missing("M2", "C1", dt.datetime(2016, 6, 1, 12)),
        missing("M3", "C1", dt.datetime(2016, 6, 9, 12), kind="A"),  # away: not an incident
        missing("M4", "C2", dt.datetime(2016, 3, 31, 12)),  # under way on 1 April: counts
        # C3 never went missing: not in the base.
    ],
)


def test_one_row_per_missing_child_with_their_incidents():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 2.0, 1.0),
        ("C2", 1.0, 1.0),
    ]


def test_ratio_is_incidents_per_child():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 2.0, pytest.approx(1.5))

"""CLA-27 looked-after children who went missing: children looked after at any time in the
period, with a missing incident while looked after in it (one under way at the start counts)."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_missing_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def missing(
    child: str, went: dt.datetime, back: dt.datetime | None, kind: str = "M"
) -> dict[str, Any]:
    return {
        "key": f"M-{child}-{went:%m%d}",
        "child_id": child,
        "kind": kind,
        "started_at": went,
        "ended_at": back,
    }


# Times in winter, or at noon, so London and UTC (which naive times are read as) agree on dates.
FRAMES = build(
    cla_episode=[
        {"key": "E1", "child_id": "C1", "started_on": LONG_AGO},
        {
            "key": "E2",
            "child_id": "C2",
            "started_on": dt.date(2016, 10, 1),
            "ended_on": dt.date(2016, 12, 1),
            "reason_ceased": "E4A",
        },
        {"key": "E3", "child_id": "C3", "started_on": LONG_AGO},
        {"key": "E4", "child_id": "C4", "started_on": LONG_AGO},
        {
            "key": "E5",
            "child_id": "C5",
            "started_on": LONG_AGO,
            "ended_on": dt.date(2016, 3, 31),  # left before the year: not looked after in it
            "reason_ceased": "E4A",
        },
        {"key": "E6", "child_id": "C6", "started_on": LONG_AGO, "legal_status": "V3"},
        {"key": "E7", "child_id": "C7", "started_on": LONG_AGO},
    ],
    missing_episode=[
        missing("C1", dt.datetime(2016, 5, 1, 12), dt.datetime(2016, 5, 2, 12)),
        missing("C1", dt.datetime(2016, 6, 1, 12), dt.datetime(2016, 6, 3, 12)),
        # C2 went missing after leaving care: not a looked-after child's incident.
        missing("C2", dt.datetime(2017, 1, 10, 12), dt.datetime(2017, 1, 11, 12)),
        # C3's incident began before the year and ran into it: counts.
        missing("C3", dt.datetime(2016, 3, 30, 12), dt.datetime(2016, 4, 2, 12)),
        missing("C3", dt.datetime(2016, 7, 1, 12), dt.datetime(2016, 7, 1, 18), kind="A"),
        missing("C5", dt.datetime(2016, 3, 15, 12), dt.datetime(2016, 3, 16, 12)),
        missing("C6", dt.datetime(2016, 8, 1, 12), dt.datetime(2016, 8, 2, 12)),  # short breaks
        missing("C7", dt.datetime(2016, 12, 1, 12), None),  # still missing: counts
    ],
)


def test_children_looked_after_in_the_year_and_who_went_missing():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator", "on").rows() == [
        ("C1", 1.0, 1.0, dt.date(2017, 3, 31)),
        ("C2", 0.0, 1.0, dt.date(2016, 12, 1)),  # attributed on their last day in care
        ("C3", 1.0, 1.0, dt.date(2017, 3, 31)),
        ("C4", 0.0, 1.0, dt.date(2017, 3, 31)),
        ("C7", 1.0, 1.0, dt.date(2017, 3, 31)),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (3.0, 5.0, 60.0)


def test_a_month_counts_incidents_under_way_in_it():
    # June 2016: C1's June incident; C7 not yet missing; C2 not yet in care.
    rows = counted_rows(DEFINITION, FRAMES, "2016-06")
    assert rows.select("item", "numerator").rows() == [
        ("C1", 1.0),
        ("C3", 0.0),
        ("C4", 0.0),
        ("C7", 0.0),
    ]

"""CP-18 care applications per 10,000: care proceedings issued in the period, by child."""

import datetime as dt

from lineofsight.indicators.definitions.care_applications_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    legal_proceeding=[
        # First and last days of the year: in.
        {"key": "L1", "child_id": "C1", "kind": "care", "started_on": dt.date(2016, 4, 1)},
        {"key": "L2", "child_id": "C2", "kind": "care", "started_on": dt.date(2017, 3, 31)},
        # C2's sibling named in the same application counts as a child of its own.
        {"key": "L3", "child_id": "C3", "kind": "care", "started_on": dt.date(2017, 3, 31)},
        # Pre-proceedings and a placement order application are not care applications.
        {
            "key": "L4",
            "child_id": "C4",
            "kind": "pre_proceedings",
            "started_on": dt.date(2016, 6, 1),
        },
        {
            "key": "L5",
            "child_id": "C1",
            "kind": "placement_order",
            "started_on": dt.date(2016, 12, 1),
        },
        # Issued after the year: out.
        {"key": "L6", "child_id": "C4", "kind": "care", "started_on": dt.date(2017, 4, 1)},
    ],
)


def test_care_applications_issued_in_the_year_count():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id").rows() == [("L1", "C1"), ("L2", "C2"), ("L3", "C3")]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=20_000) == (3.0, 2.0, 1.5)

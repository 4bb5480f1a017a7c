"""WF-07 cases held: the children each social worker holds at the period's end, summed."""

import datetime as dt

from lineofsight.indicators.definitions.social_worker_cases_held import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 5)
OPENED = dt.date(2016, 10, 3)
FRAMES = build(
    worker=[
        {"staff_id": "W1", "role": "social_worker", "fte": 1.0, "started_on": LONG_AGO},
        {"staff_id": "W2", "role": "advanced_practitioner", "fte": 0.6, "started_on": LONG_AGO},
        # W3 left before the period's end: the allocation still open to them is not counted.
        {
            "staff_id": "W3",
            "role": "social_worker",
            "fte": 1.0,
            "started_on": LONG_AGO,
            "ended_on": dt.date(2017, 2, 1),
        },
        {"staff_id": "W4", "role": "family_support_worker", "fte": 1.0, "started_on": LONG_AGO},
    ],
    allocation=[
        # W1: C1 and C2. W2: C2 as well (the child counts for each worker holding it) and C3.
        {"child_id": "C1", "worker_id": "W1", "role": "social_worker", "started_on": OPENED},
        {"child_id": "C2", "worker_id": "W1", "role": "social_worker", "started_on": OPENED},
        {"child_id": "C2", "worker_id": "W2", "role": "held_by_manager", "started_on": OPENED},
        {"child_id": "C3", "worker_id": "W2", "role": "social_worker", "started_on": OPENED},
        {"child_id": "C4", "worker_id": "W3", "role": "social_worker", "started_on": OPENED},
        # An allocation with no worker named is held by nobody.
        {"child_id": "C5", "worker_id": None, "role": "social_worker", "started_on": OPENED},
        # A family support allocation is not a case.
        {"child_id": "C6", "worker_id": "W4", "role": "family_support", "started_on": OPENED},
    ],
)


def test_each_social_worker_with_their_cases():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator").rows() == [("W1", 2.0), ("W2", 2.0)]


def test_value_is_the_cases_held():
    assert value_of(DEFINITION, FRAMES, "2016-17")[0] == 4.0

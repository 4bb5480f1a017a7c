"""CLA-13 children looked after on the end date with 3 or more social workers in the period."""

import datetime as dt

from lineofsight.indicators.definitions.cla_social_workers_3plus_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

D = dt.date


def allocation(child, worker, start, end=None, *, role="social_worker"):
    return {
        "child_id": child,
        "worker_id": worker,
        "team_id": "T1",
        "role": role,
        "started_on": start,
        "ended_on": end,
    }


FRAMES = build(
    cla_episode=[
        {"child_id": c, "started_on": D(2016, 1, 1), "placement_type": "U6"}
        for c in ("C1", "C2", "C3", "C4", "C6")
    ]
    + [
        # C5 ceased before 31 March: not in the base.
        {
            "child_id": "C5",
            "started_on": D(2016, 1, 1),
            "ended_on": D(2017, 1, 1),
            "placement_type": "U6",
        }
    ],
    allocation=[
        # C1: one worker until 1 April (allocated on the first day), then two more: 3.
        allocation("C1", "W1", D(2015, 1, 1), D(2016, 4, 1)),
        allocation("C1", "W2", D(2016, 4, 1), D(2016, 10, 1)),
        allocation("C1", "W3", D(2016, 10, 1)),
        # C2: W1, W2, then W1 again: 2 different workers.
        allocation("C2", "W1", D(2016, 4, 1), D(2016, 6, 1)),
        allocation("C2", "W2", D(2016, 6, 1), D(2016, 9, 1)),
        allocation("C2", "W1", D(2016, 9, 1)),
        # C3: the first worker left on 31 March 2016, before the year: 2.
        allocation("C3", "W1", D(2015, 1, 1), D(2016, 3, 31)),
        allocation("C3", "W2", D(2016, 3, 31), D(2016, 8, 1)),
        allocation("C3", "W3", D(2016, 8, 1)),
        # C4: an IRO and an allocation naming no worker are not social workers: 2.
        allocation("C4", "W1", D(2016, 4, 1), D(2016, 8, 1)),
        allocation("C4", "W2", D(2016, 8, 1)),
        allocation("C4", "W9", D(2016, 4, 1), role="iro"),
        allocation("C4", None, D(2016, 5, 1), D(2016, 6, 1)),
        # C5: 3 workers, but no longer looked after.
        allocation("C5", "W1", D(2016, 4, 1), D(2016, 6, 1)),
        allocation("C5", "W2", D(2016, 6, 1), D(2016, 9, 1)),
        allocation("C5", "W3", D(2016, 9, 1)),
        # C6: never allocated: in the base with none.
    ],
)


def test_distinct_social_workers_in_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 0.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C6", 0.0, 1.0),
    ]


def test_value_is_the_share():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 5.0, 20.0)

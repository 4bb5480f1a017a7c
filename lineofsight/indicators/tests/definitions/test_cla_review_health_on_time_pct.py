"""CLA-23 review health assessments on time: the engine's T-46 clocks due in the period (6
months after an assessment under 5, 12 months from 5), met by their due date."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_review_health_on_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def check(child: str, kind: str, done_on: dt.date) -> dict[str, Any]:
    return {"key": f"H-{child}-{done_on}", "child_id": child, "kind": kind, "done_on": done_on}


FRAMES = engine_frames(
    child=[
        {"child_id": "C1", "born_on": dt.date(2006, 1, 1)},
        {"child_id": "C2", "born_on": dt.date(2006, 1, 1)},
        {"child_id": "C3", "born_on": dt.date(2014, 6, 1)},  # under 5: every 6 months
        {"child_id": "C4", "born_on": dt.date(2006, 1, 1)},
    ],
    cla_episode=[
        {"key": "E1", "child_id": "C1", "started_on": LONG_AGO},
        {"key": "E2", "child_id": "C2", "started_on": LONG_AGO},
        {"key": "E3", "child_id": "C3", "started_on": LONG_AGO},
        {"key": "E4", "child_id": "C4", "started_on": dt.date(2015, 6, 1)},
    ],
    health_check=[
        # C1: the review due 10 January 2016 falls before the year; the next, due 5 January
        # 2017, is done on 1 January: on time.
        check("C1", "iha", dt.date(2015, 1, 10)),
        check("C1", "rha", dt.date(2016, 1, 5)),
        check("C1", "rha", dt.date(2017, 1, 1)),
        # C2: due 1 June 2016, done 1 July: late.
        check("C2", "iha", dt.date(2015, 6, 1)),
        check("C2", "rha", dt.date(2016, 7, 1)),
        # C3, aged 1: due 6 months on, 1 November 2016, done 20 October: on time.
        check("C3", "iha", dt.date(2016, 5, 1)),
        check("C3", "rha", dt.date(2016, 10, 20)),
        # C4: due 15 June 2016, never done.
        check("C4", "iha", dt.date(2015, 6, 15)),
    ],
)


def test_reviews_due_in_the_year_and_whether_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17").sort("child_id")
    assert rows.select("child_id", "on", "numerator", "denominator").rows() == [
        ("C1", dt.date(2017, 1, 5), 1.0, 1.0),
        ("C2", dt.date(2016, 6, 1), 0.0, 1.0),
        ("C3", dt.date(2016, 11, 1), 1.0, 1.0),
        ("C4", dt.date(2016, 6, 15), 0.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

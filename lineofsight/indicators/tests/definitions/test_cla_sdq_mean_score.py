"""CLA-20 mean SDQ score: each cohort child's latest valid score in the year; children without
one are listed but left out of the mean."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_sdq_mean_score import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def sdq(child: str, done_on: dt.date, value: str | None) -> dict[str, Any]:
    return {
        "key": f"S-{child}-{done_on}",
        "child_id": child,
        "kind": "sdq",
        "done_on": done_on,
        "value": value,
        "sdq_reason": None if value else "SDQ4",
    }


FRAMES = build(
    child=[{"child_id": f"C{n}", "born_on": dt.date(2006, 5, 1)} for n in range(1, 5)],
    cla_episode=[
        {"key": "E1", "child_id": "C1", "started_on": LONG_AGO},
        {"key": "E2", "child_id": "C2", "started_on": LONG_AGO},
        {"key": "E3", "child_id": "C3", "started_on": LONG_AGO},
        {"key": "E4", "child_id": "C4", "started_on": dt.date(2016, 6, 1)},  # not a year: out
    ],
    health_check=[
        sdq("C1", dt.date(2016, 5, 1), "30"),  # superseded by the later score
        sdq("C1", dt.date(2017, 1, 1), "12"),
        sdq("C2", dt.date(2016, 8, 1), "20"),
        sdq("C3", dt.date(2016, 8, 1), None),  # a reason, no score: listed, not in the mean
        sdq("C4", dt.date(2016, 8, 1), "40"),
    ],
)


def test_latest_score_per_child_is_the_measure():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "measure", "denominator").rows() == [
        ("C1", 12.0, 1.0),
        ("C2", 20.0, 1.0),
        ("C3", None, 1.0),
    ]


def test_mean_of_the_scores():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (32.0, 2.0, 16.0)

"""CLA-21 SDQ a cause for concern: of cohort children with a valid score, those scoring 17 or
more."""

import datetime as dt
from typing import Any

import pytest

from lineofsight.indicators.definitions.cla_sdq_concern_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def sdq(child: str, value: str | None) -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "kind": "sdq",
        "done_on": dt.date(2016, 8, 1),
        "value": value,
        "sdq_reason": None if value else "SDQ5",
    }


FRAMES = build(
    child=[{"child_id": f"C{n}", "born_on": dt.date(2006, 5, 1)} for n in range(1, 5)],
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 5)
    ],
    health_check=[
        sdq("C1", "16"),  # borderline: not a cause for concern
        sdq("C2", "17"),  # the threshold itself: a cause for concern
        sdq("C3", None),  # no score: not in the base
        sdq("C4", "25"),
    ],
)


def test_scored_children_and_those_of_concern():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 0.0, 1.0),
        ("C2", 1.0, 1.0),
        ("C4", 1.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 3.0, pytest.approx(66.667, abs=1e-3))

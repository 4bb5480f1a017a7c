"""CLA-25 convicted or cautioned: the 12-month cohort aged 10 to 17 at the period's end, with a
youth justice outcome of any kind in the year."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_convicted_or_cautioned_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def outcome(child: str, kind: str, outcome_on: dt.date) -> dict[str, Any]:
    return {"key": f"Y-{child}", "child_id": child, "kind": kind, "outcome_on": outcome_on}


FRAMES = build(
    child=[
        {"child_id": "C1", "born_on": dt.date(2002, 6, 1)},  # 14
        {"child_id": "C2", "born_on": dt.date(2002, 6, 1)},
        {"child_id": "C3", "born_on": dt.date(2007, 6, 1)},  # 9: out
        {"child_id": "C4", "born_on": dt.date(1999, 6, 1)},  # 17: in
        {"child_id": "C5", "born_on": dt.date(2002, 6, 1)},
        {"child_id": "C6", "born_on": dt.date(2002, 6, 1)},
    ],
    cla_episode=[
        {"key": "E1", "child_id": "C1", "started_on": LONG_AGO},
        {"key": "E2", "child_id": "C2", "started_on": LONG_AGO},
        {"key": "E3", "child_id": "C3", "started_on": LONG_AGO},
        {"key": "E4", "child_id": "C4", "started_on": LONG_AGO},
        {"key": "E5", "child_id": "C5", "started_on": LONG_AGO},
        {"key": "E6", "child_id": "C6", "started_on": dt.date(2016, 6, 1)},  # not a year: out
    ],
    youth_justice_outcome=[
        outcome("C1", "conviction", dt.date(2016, 8, 1)),
        outcome("C2", "youth_caution", dt.date(2016, 3, 31)),  # before the year
        outcome("C3", "conviction", dt.date(2016, 8, 1)),
        outcome("C4", "not_known", dt.date(2017, 3, 31)),  # a return's CONVICTED 1
        outcome("C6", "youth_conditional_caution", dt.date(2016, 8, 1)),
    ],
)


def test_ten_to_seventeen_year_olds_convicted_or_cautioned_in_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C4", 1.0, 1.0),
        ("C5", 0.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

"""CLA-18 development assessments up to date: the 12-month cohort aged under 5 at the period's
end, read from the latest development check record."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_development_checks_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def check(child: str, value: str) -> dict[str, Any]:
    return {
        "key": f"D-{child}",
        "child_id": child,
        "kind": "development",
        "done_on": dt.date(2016, 10, 1),
        "value": value,
    }


FRAMES = build(
    child=[
        {"child_id": "C1", "born_on": dt.date(2013, 1, 1)},  # 4: in
        {"child_id": "C2", "born_on": dt.date(2012, 3, 31)},  # 5 on 31 March 2017: out
        {"child_id": "C3", "born_on": dt.date(2012, 4, 1)},  # 4 until 1 April: in
        {"child_id": "C4", "born_on": dt.date(2014, 6, 1)},  # 2: in, no record
    ],
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 5)
    ],
    health_check=[check("C1", "1"), check("C2", "1"), check("C3", "0")],
)


def test_under_fives_with_checks_up_to_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C3", 0.0, 1.0),  # the latest check says not up to date
        ("C4", 0.0, 1.0),
    ]
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

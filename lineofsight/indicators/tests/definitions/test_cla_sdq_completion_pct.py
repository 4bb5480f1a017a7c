"""CLA-19 SDQ completion: the 12-month cohort aged 5 to 16 at the period's end, with a valid
score (0 to 40) recorded in the year."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_sdq_completion_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)
IN_YEAR = dt.date(2016, 9, 1)


def sdq(
    child: str, value: str | None, done_on: dt.date = IN_YEAR, reason: str | None = None
) -> dict[str, Any]:
    return {
        "key": f"S-{child}",
        "child_id": child,
        "kind": "sdq",
        "done_on": done_on,
        "value": value,
        "sdq_reason": reason,
    }


FRAMES = build(
    child=[
        {"child_id": "C1", "born_on": dt.date(2006, 5, 1)},  # 10
        {"child_id": "C2", "born_on": dt.date(2006, 5, 1)},
        {"child_id": "C3", "born_on": dt.date(2012, 4, 1)},  # 4 at the end: out
        {"child_id": "C4", "born_on": dt.date(2000, 4, 1)},  # 16 at the end: in
        {"child_id": "C5", "born_on": dt.date(2000, 3, 31)},  # 17 on 31 March 2017: out
        {"child_id": "C6", "born_on": dt.date(2008, 5, 1)},
        {"child_id": "C7", "born_on": dt.date(2008, 5, 1)},
    ],
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 8)
    ],
    health_check=[
        sdq("C1", "12"),
        sdq("C2", None, reason="SDQ2"),  # carer refused: no score
        sdq("C3", "10"),
        sdq("C4", "20"),
        sdq("C5", "20"),
        sdq("C6", "15", done_on=dt.date(2016, 3, 31)),  # before the year
        sdq("C7", "41"),  # not a valid total difficulties score
    ],
)


def test_five_to_sixteen_year_olds_with_a_score():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C4", 1.0, 1.0),
        ("C6", 0.0, 1.0),
        ("C7", 0.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)

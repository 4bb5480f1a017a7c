"""CLA-26 substance misuse: the 12-month cohort, with a substance misuse record saying yes
dated in the year."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_substance_misuse_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def check(child: str, kind: str, value: str, done_on: dt.date) -> dict[str, Any]:
    return {
        "key": f"H-{child}",
        "child_id": child,
        "kind": kind,
        "done_on": done_on,
        "value": value,
    }


FRAMES = build(
    child=[{"child_id": f"C{n}", "born_on": dt.date(2002, 6, 1)} for n in range(1, 6)],
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 6)
    ],
    health_check=[
        check("C1", "substance_misuse", "1", dt.date(2016, 9, 1)),  # identified in the year
        check("C2", "substance_misuse", "0", dt.date(2016, 9, 1)),  # asked, and no
        check("C3", "intervention_received", "1", dt.date(2016, 9, 1)),  # not the problem itself
        check("C5", "substance_misuse", "1", dt.date(2016, 3, 31)),  # before the year
    ],
)


def test_children_identified_in_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 0.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C5", 0.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 5.0, 20.0)

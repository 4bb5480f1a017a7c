"""CLA-17 immunisations up to date: the 12-month cohort, read from each child's latest
immunisations record on or before the period's end."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_immunisations_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2013, 1, 1)


def jabs(child: str, done_on: dt.date, value: str) -> dict[str, Any]:
    return {
        "key": f"I-{child}-{done_on}",
        "child_id": child,
        "kind": "immunisations",
        "done_on": done_on,
        "value": value,
    }


FRAMES = build(
    child=[{"child_id": f"C{n}", "born_on": dt.date(2006, 1, 1)} for n in range(1, 6)],
    cla_episode=[
        {"key": f"E{n}", "child_id": f"C{n}", "started_on": LONG_AGO} for n in range(1, 6)
    ],
    health_check=[
        jabs("C1", dt.date(2016, 6, 1), "1"),  # up to date
        jabs("C2", dt.date(2015, 5, 1), "1"),  # up to date once, but the latest record says not
        jabs("C2", dt.date(2016, 10, 1), "0"),
        jabs("C3", dt.date(2014, 2, 1), "1"),  # a status: an old record still holds
        jabs("C4", dt.date(2017, 4, 1), "1"),  # after the end: not known at 31 March
        # C5 has no record: not up to date.
    ],
)


def test_latest_record_by_the_end_decides():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 1.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C5", 0.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)


def test_an_earlier_end_reads_the_record_then():
    # At 30 June 2016 C2's latest record is still the one saying up to date.
    rows = counted_rows(DEFINITION, FRAMES, "2016-06")
    assert rows.filter(rows["numerator"] == 1.0)["item"].to_list() == ["C1", "C2", "C3"]

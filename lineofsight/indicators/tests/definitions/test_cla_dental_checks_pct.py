"""CLA-16 dental checks: the 12-month cohort at the period's end, any age, with a dental check
in the twelve months to the end."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_dental_checks_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)


def care(child: str, started_on: dt.date) -> dict[str, Any]:
    return {"key": f"E-{child}", "child_id": child, "started_on": started_on}


def dental(child: str, done_on: dt.date) -> dict[str, Any]:
    return {"key": f"D-{child}", "child_id": child, "kind": "dental", "done_on": done_on}


FRAMES = build(
    child=[
        {"child_id": "C1", "born_on": dt.date(2006, 1, 1)},
        {"child_id": "C2", "born_on": dt.date(2006, 1, 1)},
        {"child_id": "C3", "born_on": dt.date(2006, 1, 1)},
        {"child_id": "C4", "born_on": dt.date(2015, 12, 1)},  # a baby: in the cohort too
    ],
    cla_episode=[
        care("C1", LONG_AGO),
        care("C2", LONG_AGO),
        care("C3", LONG_AGO),
        care("C4", dt.date(2016, 1, 1)),  # a year in care by March 2017, not by September 2016
    ],
    health_check=[
        dental("C1", dt.date(2016, 4, 1)),  # the year's first day: in it
        dental("C2", dt.date(2016, 3, 31)),  # the day before the year: not in it
        dental("C4", dt.date(2016, 12, 1)),
        # C3 has no dental check.
    ],
)


def test_cohort_children_with_a_check_in_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 0.0, 1.0),
        ("C4", 1.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)


def test_a_month_counts_the_rolling_year_to_its_end():
    # September 2016: the year from 1 October 2015 holds C2's March check; C4 is not yet in
    # the cohort.
    rows = counted_rows(DEFINITION, FRAMES, "2016-09")
    assert rows.select("item", "numerator").rows() == [("C1", 1.0), ("C2", 1.0), ("C3", 0.0)]

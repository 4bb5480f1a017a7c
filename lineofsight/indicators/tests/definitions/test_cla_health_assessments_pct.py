"""CLA-15 health assessments up to date: the 12-month cohort at the period's end; two
assessments in the year under 5, one from 5; a return's OC2 flag meets it alone."""

import datetime as dt
from typing import Any

import pytest

from lineofsight.indicators.definitions.cla_health_assessments_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 1)  # in care well over a year by 31 March 2017


def care(child: str, started_on: dt.date, **more: Any) -> dict[str, Any]:
    return {"key": f"E-{child}", "child_id": child, "started_on": started_on, **more}


def check(
    child: str, done_on: dt.date, kind: str = "rha", key: str | None = None
) -> dict[str, Any]:
    return {
        "key": key or f"H-{child}-{done_on}",
        "child_id": child,
        "kind": kind,
        "done_on": done_on,
    }


FRAMES = build(
    child=[
        {"child_id": "C1", "born_on": dt.date(2008, 5, 1)},  # 8
        {"child_id": "C2", "born_on": dt.date(2013, 6, 1)},  # 3
        {"child_id": "C3", "born_on": dt.date(2013, 6, 1)},  # 3
        {"child_id": "C4", "born_on": dt.date(2008, 5, 1)},
        {"child_id": "C5", "born_on": dt.date(2008, 5, 1)},
        {"child_id": "C6", "born_on": dt.date(2008, 5, 1)},
        {"child_id": "C7", "born_on": dt.date(2008, 5, 1)},
        {"child_id": "C8", "born_on": dt.date(2008, 5, 1)},
        {"child_id": "C9", "born_on": dt.date(2013, 6, 1)},  # 3
    ],
    cla_episode=[
        care("C1", LONG_AGO),
        care("C2", LONG_AGO),
        care("C3", LONG_AGO),
        care("C4", LONG_AGO),
        care("C5", dt.date(2016, 4, 1)),  # under 12 months at 31 March: not in the cohort
        care("C6", dt.date(2016, 3, 31)),  # exactly a year before the end: in the cohort
        care("C7", LONG_AGO, ended_on=dt.date(2017, 3, 31), reason_ceased="E4A"),  # left: out
        care("C8", LONG_AGO, legal_status="V3"),  # short breaks only: out
        care("C9", LONG_AGO),
    ],
    health_check=[
        check("C1", dt.date(2016, 9, 1)),  # aged 8: one is enough
        check("C2", dt.date(2016, 9, 1)),  # aged 3: one of the two needed
        check("C3", dt.date(2016, 5, 1)),  # aged 3: two in the year
        check("C3", dt.date(2016, 11, 1)),
        check("C4", dt.date(2016, 3, 31)),  # the day before the year: not in it
        check("C5", dt.date(2016, 9, 1)),
        check("C6", dt.date(2017, 3, 31), kind="iha"),  # last day; an initial one counts
        check("C7", dt.date(2016, 9, 1)),
        check("C8", dt.date(2016, 9, 1)),
        # Aged 3 with one record, but read from a return: OC2 says the requirement was met.
        check("C9", dt.date(2017, 3, 31), key="C9/OC2/2017/rha"),
    ],
)


def test_the_cohort_and_who_is_up_to_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C3", 1.0, 1.0),
        ("C4", 0.0, 1.0),
        ("C6", 1.0, 1.0),
        ("C9", 1.0, 1.0),
    ]
    assert set(rows["on"].to_list()) == {dt.date(2017, 3, 31)}


def test_value_is_the_share_of_the_cohort():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (4.0, 6.0, pytest.approx(66.667, abs=1e-3))


def test_a_month_looks_back_over_the_year_to_its_end():
    # At 31 October 2016 (the year from 1 November 2015): C4's March 2016 check counts, C7
    # is still in care, C9's assessment is still to come and C6 has not been in care a year.
    rows = counted_rows(DEFINITION, FRAMES, "2016-10")
    assert rows.filter(rows["numerator"] == 1.0)["item"].to_list() == ["C1", "C4", "C7"]
    assert rows["item"].to_list() == ["C1", "C2", "C3", "C4", "C7", "C9"]

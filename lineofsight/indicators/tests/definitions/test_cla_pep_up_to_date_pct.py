"""CLA-24 PEPs up to date: school-age children looked after at the period's end (the engine's
T-50/T-51 population) with no PEP overdue then."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_pep_up_to_date_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

START = dt.date(2016, 1, 1)
TEN = dt.date(2006, 1, 1)  # born: aged 10 in 2016


def care(
    key: str, child: str, started_on: dt.date, ended_on: dt.date | None = None
) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": child,
        "started_on": started_on,
        "ended_on": ended_on,
        "reason_ceased": "E4A" if ended_on else None,
    }


def peps(child: str, *days: dt.date) -> list[dict[str, Any]]:
    return [{"key": f"P-{child}-{day}", "child_id": child, "done_on": day} for day in days]


FRAMES = engine_frames(
    child=[
        {"child_id": "C1", "born_on": TEN},
        {"child_id": "C2", "born_on": TEN},
        {"child_id": "C3", "born_on": dt.date(2010, 6, 1)},  # 3 when care began: not tracked
        {"child_id": "C4", "born_on": dt.date(2004, 6, 1)},
        {"child_id": "C5", "born_on": TEN},
        {"child_id": "C6", "born_on": TEN},
        {"child_id": "C7", "born_on": TEN},
    ],
    cla_episode=[
        care("E1", "C1", START),
        care("E2", "C2", START),
        care("E3", "C3", dt.date(2014, 1, 1)),
        care("E4", "C4", dt.date(2017, 3, 20)),  # new: the first PEP is not due yet
        care("E5", "C5", START, dt.date(2017, 3, 31)),  # left on the last day: not in care then
        care("E6", "C6", START),
        # C7 missed every PEP in an earlier period of care; the new one has just begun.
        care("E7a", "C7", dt.date(2014, 1, 1), dt.date(2015, 1, 1)),
        care("E7b", "C7", dt.date(2017, 3, 25)),
    ],
    education_plan=[
        # C1: termly PEPs, the last in January: the next is due in May.
        *peps("C1", dt.date(2016, 1, 20), dt.date(2016, 5, 10), dt.date(2016, 9, 1)),
        *peps("C1", dt.date(2017, 1, 1)),
        # C2: none since May 2016: overdue since September.
        *peps("C2", dt.date(2016, 1, 20), dt.date(2016, 5, 10)),
        # C6: overdue since September, but a PEP on the last day puts it right.
        *peps("C6", dt.date(2016, 1, 20), dt.date(2016, 5, 10), dt.date(2017, 3, 31)),
    ],
)


def test_school_age_children_in_care_and_who_is_up_to_date():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C4", 1.0, 1.0),
        ("C6", 1.0, 1.0),
        ("C7", 1.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (4.0, 5.0, 80.0)


def test_an_earlier_end_sees_the_pep_overdue_then():
    # At 31 December 2016 C6's PEP (due 10 September) is overdue; C4 and C7 are not in care.
    rows = counted_rows(DEFINITION, FRAMES, "2016-12")
    assert rows.select("item", "numerator").rows() == [
        ("C1", 1.0),
        ("C2", 0.0),
        ("C5", 0.0),
        ("C6", 0.0),
    ]

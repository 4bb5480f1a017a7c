"""CLA-22 initial health assessments within 20 working days: periods of care starting in the
period (the engine's T-45), leaving out children who left within the 20 days and clocks still
running."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.cla_initial_health_20wd_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

JUNE = dt.date(2016, 6, 1)  # a Wednesday; 20 working days on is 29 June


def care(child: str, started_on: dt.date, ended_on: dt.date | None = None) -> dict[str, Any]:
    return {
        "key": f"E-{child}",
        "child_id": child,
        "started_on": started_on,
        "ended_on": ended_on,
        "reason_ceased": "E4A" if ended_on else None,
    }


def iha(child: str, done_on: dt.date) -> dict[str, Any]:
    return {"key": f"H-{child}", "child_id": child, "kind": "iha", "done_on": done_on}


FRAMES = engine_frames(
    child=[{"child_id": f"C{n}", "born_on": dt.date(2008, 1, 1)} for n in range(1, 8)],
    cla_episode=[
        care("C1", JUNE),
        care("C2", JUNE),
        care("C3", JUNE, dt.date(2016, 6, 10)),  # left within the 20 days, never assessed
        care("C4", JUNE, dt.date(2016, 6, 10)),  # assessed, but left within the 20 days
        care("C5", dt.date(2017, 3, 20)),  # 20 days still running on 31 March
        care("C6", dt.date(2016, 3, 15)),  # started before the year
        care("C7", dt.date(2016, 9, 1)),  # never assessed, still in care
    ],
    health_check=[
        iha("C1", dt.date(2016, 6, 29)),  # on the 20th working day: in time
        iha("C2", dt.date(2016, 6, 30)),  # a day late
        iha("C4", dt.date(2016, 6, 3)),
        iha("C6", dt.date(2016, 4, 1)),
    ],
)


def test_periods_starting_in_the_year_and_which_count():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("child_id", "numerator", "denominator").rows() == [
        ("C1", 1.0, 1.0),
        ("C2", 0.0, 1.0),
        ("C4", 0.0, 0.0),  # listed, not in the base
        ("C5", 0.0, 0.0),  # too soon to tell
        ("C7", 0.0, 1.0),
    ]
    assert rows["on"].to_list() == [JUNE, JUNE, JUNE, dt.date(2017, 3, 20), dt.date(2016, 9, 1)]


def test_value_is_the_share_of_the_base():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

"""CL-10 care leavers open to the service at the period's end with a personal adviser
allocation open that day."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_leavers_personal_adviser_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def care(child: str, started: dt.date, ended: dt.date | None) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=f"E-{child}", ceased="E17" if ended else None)


def allocation(
    key: str, child: str, role: str, started: dt.date, ended: dt.date | None = None
) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": child,
        "worker_id": f"W-{key}",
        "team_id": "LEAVING",
        "role": role,
        "started_on": started,
        "ended_on": ended,
    }


FRAMES = build(
    child=[
        {"child_id": "Y1", "born_on": dt.date(1998, 1, 1)},
        {"child_id": "Y2", "born_on": dt.date(1998, 2, 1)},
        {"child_id": "Y3", "born_on": dt.date(1997, 3, 1)},
        {"child_id": "Y4", "born_on": dt.date(1996, 6, 1)},
        {"child_id": "Y5", "born_on": dt.date(1996, 2, 1)},
        {"child_id": "Y6", "born_on": dt.date(1999, 5, 1)},
    ],
    cla_episode=[
        care("Y1", dt.date(2013, 1, 1), dt.date(2016, 1, 1)),
        care("Y2", dt.date(2013, 2, 1), dt.date(2016, 2, 1)),
        care("Y3", dt.date(2012, 3, 1), dt.date(2015, 3, 1)),
        care("Y4", dt.date(2011, 6, 1), dt.date(2014, 6, 1)),
        # Y5 turned 21 on 1 February 2017: no longer open to the service.
        care("Y5", dt.date(2011, 2, 1), dt.date(2014, 2, 1)),
        # Y6 is still looked after at the period's end (leaves in May 2017): not a leaver yet.
        care("Y6", dt.date(2014, 5, 1), dt.date(2017, 5, 1)),
    ],
    allocation=[
        # Y1: a personal adviser allocated and still allocated: counted, and attributed to
        # that adviser.
        allocation("PA1", "Y1", "personal_adviser", dt.date(2016, 1, 1)),
        # Y2: the adviser's allocation ended on the period's last day: not open then.
        allocation("PA2", "Y2", "personal_adviser", dt.date(2016, 2, 1), dt.date(2017, 3, 31)),
        # Y3: only a social worker: not counted.
        allocation("SW3", "Y3", "social_worker", dt.date(2015, 3, 1)),
        # Y4 has no allocation at all.
        allocation("PA5", "Y5", "personal_adviser", dt.date(2014, 2, 1)),
        allocation("PA6", "Y6", "personal_adviser", dt.date(2016, 5, 1)),
    ],
)


def test_care_leavers_open_at_the_end_are_counted_by_their_allocation():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["Y1", "Y2", "Y3", "Y4"],
            "numerator": [1.0, 0.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)
    # The allocation names the adviser: Y1's row is theirs.
    assert rows.filter(pl.col("item") == "Y1").select("worker_id", "team_id").row(0) == (
        "W-PA1",
        "LEAVING",
    )


def test_value_is_the_share_with_an_adviser():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 4.0, 25.0)

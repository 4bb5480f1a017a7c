"""CLA-30 return interviews completed within 72 hours: the engine's T-58 clocks from returns in
the period, met by an interview held (a declined offer meets T-58 but is no interview)."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from lineofsight.indicators.definitions.cla_return_interviews_72h_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=LONDON)


def episode(key: str, back: dt.datetime, **more: Any) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": "C1",
        "kind": "M",
        "started_at": back - dt.timedelta(hours=12),
        "ended_at": back,
        **more,
    }


FRAMES = engine_frames(
    missing_episode=[
        episode("M1", at(2016, 11, 1, 10), return_interview_done_at=at(2016, 11, 4, 10)),  # 72h
        episode("M2", at(2016, 11, 10, 10), return_interview_done_at=at(2016, 11, 13, 11)),  # 73h
        episode(  # declined: T-58 met, but no interview held
            "M3",
            at(2016, 12, 1, 10),
            return_interview_offered=True,
            return_interview_accepted=False,
        ),
        episode("M4", at(2016, 12, 5, 10)),  # nothing recorded
    ],
)


def test_interviews_held_within_72_hours_of_the_return():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("M1", 1.0, 1.0),
        ("M2", 0.0, 1.0),
        ("M3", 0.0, 1.0),
        ("M4", 0.0, 1.0),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 4.0, 25.0)

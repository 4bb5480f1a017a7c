"""CLA-30 return interviews offered: missing episodes (kind M) the child came back from in the
period (the engine's T-58), with an interview recorded as offered or held."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from lineofsight.indicators.definitions.cla_return_interviews_offered_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=LONDON)


def episode(key: str, back: dt.datetime | None, kind: str = "M", **more: Any) -> dict[str, Any]:
    went = (back or at(2016, 12, 20, 10)) - dt.timedelta(hours=12)
    return {
        "key": key,
        "child_id": "C1",
        "kind": kind,
        "started_at": went,
        "ended_at": back,
        **more,
    }


FRAMES = engine_frames(
    missing_episode=[
        # Held in 47 hours, offer not recorded: it was offered.
        episode("M1", at(2016, 11, 1, 10), return_interview_done_at=at(2016, 11, 3, 9)),
        # Held in 73 hours: offered (late).
        episode("M2", at(2016, 11, 10, 10), return_interview_done_at=at(2016, 11, 13, 11)),
        # Offered and declined.
        episode(
            "M3",
            at(2016, 12, 1, 10),
            return_interview_offered=True,
            return_interview_accepted=False,
        ),
        episode("M4", at(2016, 12, 5, 10), return_interview_offered=False),  # not offered
        episode("M5", at(2016, 12, 10, 10), kind="A"),  # away: no interview owed
        episode("M6", None),  # still missing: no return yet
        episode("M7", at(2016, 3, 31, 23)),  # came back before the year
        # Came back on the last day, offered; the interview after the year is not yet known.
        episode(
            "M8",
            at(2017, 3, 31, 20),
            return_interview_offered=True,
            return_interview_done_at=at(2017, 4, 1, 10),
        ),
    ],
)


def test_returns_in_the_year_and_offers():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator", "on").rows() == [
        ("M1", 1.0, 1.0, dt.date(2016, 11, 1)),
        ("M2", 1.0, 1.0, dt.date(2016, 11, 10)),
        ("M3", 1.0, 1.0, dt.date(2016, 12, 1)),
        ("M4", 0.0, 1.0, dt.date(2016, 12, 5)),
        ("M8", 1.0, 1.0, dt.date(2017, 3, 31)),
    ]
    assert value_of(DEFINITION, FRAMES, "2016-17") == (4.0, 5.0, 80.0)

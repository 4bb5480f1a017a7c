"""LOCAL-SD strategy discussions with police and health: both attending, where recorded."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.strategy_discussion_police_health_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def discussion(key: str, held_on: dt.date, police: bool | None, health: bool | None) -> dict:
    return {
        "key": key,
        "referral_id": "R1",
        "held_on": held_on,
        "police_attended": police,
        "health_attended": health,
        "decision": "no_s47",
    }


MAY = dt.date(2016, 5, 10)
FRAMES = build(
    referral=[{"key": "R1", "child_id": "C1"}],
    strategy_discussion=[
        # Both attended: counts (whatever the decision).
        discussion("D1", MAY, True, True),
        # Police without health: not.
        discussion("D2", MAY, True, False),
        # Attendance not recorded (loaded from a return): listed, not in the base.
        discussion("D3", MAY, None, None),
        # Health unknown but police absent: known not to be both, in the base.
        discussion("D4", MAY, False, None),
        # Police attended, health unknown: cannot tell, not in the base.
        discussion("D5", MAY, True, None),
        # After the year: out.
        discussion("D6", dt.date(2017, 4, 1), True, True),
    ],
)


def test_discussions_held_in_the_year_by_attendance():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["D1", "D2", "D3", "D4", "D5"],
            "numerator": [1.0, 0.0, 0.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 0.0, 1.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_discussions_with_attendance_known():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

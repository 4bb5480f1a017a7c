"""LOCAL-COMPLAINTS stage 1 complaints whose T-93 response (10 working days) fell due in the
period, responded to by then."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.complaints_stage1_on_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of


def complaint(key: str, received_on: dt.date, responded_on: dt.date | None, **extra: Any) -> dict:
    return {
        "key": key,
        "child_id": "C1",
        "received_on": received_on,
        "stage": "1",
        "responded_on": responded_on,
        **extra,
    }


JUNE = dt.date(2016, 6, 6)  # a Monday: the 10th working day after it is 20 June
FRAMES = engine_frames(
    complaint=[
        # K1: answered on the 10th working day: on time.
        complaint("K1", JUNE, dt.date(2016, 6, 20)),
        # K2: on the 11th: late.
        complaint("K2", JUNE, dt.date(2016, 6, 21)),
        # K3: never answered: overdue, not on time.
        complaint("K3", JUNE, None),
        # K4: withdrawn with no response: needs none, out.
        complaint("K4", JUNE, None, outcome="withdrawn"),
        # K5: a stage 2 complaint is another timescale (T-94): out.
        complaint("K5", JUNE, dt.date(2016, 6, 20), stage="2"),
        # K6: received on 27 March 2017, due in April: not in the year.
        complaint("K6", dt.date(2017, 3, 27), None),
        # K7: received in the previous year (21 March 2016); Easter's bank holidays put its
        # due date at 6 April 2016, in this one; answered that day.
        complaint("K7", dt.date(2016, 3, 21), dt.date(2016, 4, 6)),
    ],
)


def test_stage_1_responses_due_in_the_period():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["K1", "K2", "K3", "K7"],
            "child_id": ["C1"] * 4,
            "numerator": [1.0, 0.0, 0.0, 1.0],
            "denominator": [1.0] * 4,
            "on": [JUNE.replace(day=20)] * 3 + [dt.date(2016, 4, 6)],
        }
    )
    assert_frame_equal(rows.select("item", "child_id", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_answered_in_time():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

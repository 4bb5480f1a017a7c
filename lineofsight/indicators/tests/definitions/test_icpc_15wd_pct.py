"""CP-04 ICPCs within 15 working days of the strategy discussion (the engine's T-12)."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.icpc_15wd_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of


def conference(key: str, referral: str, s47: str | None, held_on: dt.date, **more: Any) -> dict:
    return {
        "key": key,
        "referral_id": referral,
        "section47_enquiry_id": s47,
        "kind": "initial",
        "held_on": held_on,
        **more,
    }


FRAMES = engine_frames(
    referral=[{"key": f"R{n}", "child_id": f"C{n}"} for n in range(1, 7)],
    strategy_discussion=[
        {"key": "D1", "referral_id": "R1", "held_on": dt.date(2016, 6, 6), "decision": "s47"},
        {"key": "D2", "referral_id": "R2", "held_on": dt.date(2016, 6, 6), "decision": "s47"},
    ],
    section47_enquiry=[
        # K1 on the 15th working day after the discussion of 6 June: on time.
        {
            "key": "S1",
            "referral_id": "R1",
            "strategy_discussion_id": "D1",
            "started_on": dt.date(2016, 6, 8),
        },
        # K2 on the 16th working day after the discussion (the 14th after the enquiry opened):
        # late, as the clock runs from the discussion.
        {
            "key": "S2",
            "referral_id": "R2",
            "strategy_discussion_id": "D2",
            "started_on": dt.date(2016, 6, 8),
        },
        # No linked discussion: from the enquiry's start, 15 working days: on time.
        {"key": "S3", "referral_id": "R3", "started_on": dt.date(2016, 6, 6)},
        # Conference after the year: not in it.
        {"key": "S4", "referral_id": "R4", "started_on": dt.date(2017, 3, 27)},
        # Two unlinked enquiries of one referral both meet their clocks with K5: it counts
        # once, from the earlier (1 September, 16 working days: late; from the 5th: on time).
        {"key": "S5a", "referral_id": "R5", "started_on": dt.date(2016, 9, 1)},
        {"key": "S5b", "referral_id": "R5", "started_on": dt.date(2016, 9, 5)},
    ],
    conference=[
        conference("K1", "R1", "S1", dt.date(2016, 6, 27)),
        conference("K2", "R2", "S2", dt.date(2016, 6, 28)),
        conference("K3", "R3", "S3", dt.date(2016, 6, 27)),
        conference("K4", "R4", "S4", dt.date(2017, 4, 3)),
        conference("K5", "R5", None, dt.date(2016, 9, 23)),
        # A transfer-in conference has no S47 enquiry: not in the base.
        conference("K6", "R6", None, dt.date(2016, 10, 3), kind="transfer_in"),
    ],
)


def test_conferences_held_in_the_year_timed_from_the_strategy_discussion():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["K1", "K2", "K3", "K5"],
            "numerator": [1.0, 0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
            "on": [
                dt.date(2016, 6, 27),
                dt.date(2016, 6, 28),
                dt.date(2016, 6, 27),
                dt.date(2016, 9, 23),
            ],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_of_conferences():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

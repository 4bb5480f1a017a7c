"""CP-16 first core group within 10 working days of the ICPC: plans started in the period and
their T-16 obligation."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.core_group_10wd_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import icpc, plan, referrals
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

JUNE = dt.date(2016, 6, 6)  # a Monday
FRAMES = engine_frames(
    referral=referrals(6),
    cp_plan=[
        plan("P1", "R1", JUNE),
        plan("P2", "R2", JUNE),
        plan("P3", "R3", JUNE),
        plan("P4", "R4", dt.date(2017, 3, 30)),
        plan("P5", "R5", dt.date(2016, 3, 30)),
        plan("P6", "R6", dt.date(2016, 9, 1), dt.date(2016, 9, 5)),
    ],
    conference=[
        icpc(n, plan_start)
        for n, plan_start in (
            (1, JUNE),
            (2, JUNE),
            (3, JUNE),
            (4, dt.date(2017, 3, 30)),
            (5, dt.date(2016, 3, 30)),
            (6, dt.date(2016, 9, 1)),
        )
    ],
    core_group=[
        # P1: the 10th working day after the ICPC: on time.
        {"key": "G1", "cp_plan_id": "P1", "held_on": dt.date(2016, 6, 20)},
        # P2: the 11th: late.
        {"key": "G2", "cp_plan_id": "P2", "held_on": dt.date(2016, 6, 21)},
        # P3 never had one: overdue, in the base. P4 (30 March 2017) is not yet due on
        # 31 March: listed, not in the base. P5 started before the year. P6 ended before its
        # core group fell due: no clock, not in the base.
    ],
)


def test_plans_started_in_the_year_by_their_first_core_group():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P1", "P2", "P3", "P4", "P6"],
            "numerator": [1.0, 0.0, 0.0, 0.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 0.0, 0.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_value_is_the_share_of_plans_decided():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

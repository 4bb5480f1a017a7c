"""CP-14 CP plans reviewed within timescale: children on a plan for 3 months or more at period
end, all of whose reviews due by then were on time (the engine's T-18 and T-19)."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cp_reviewed_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import icpc, plan, referrals
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of


def review(n: int, held_on: dt.date) -> dict[str, Any]:
    return {
        "key": f"V{n}-{held_on:%y%m%d}",
        "referral_id": f"R{n}",
        "cp_plan_id": f"P{n}",
        "kind": "review",
        "held_on": held_on,
        "outcome": "plan_continues",
    }


JUNE = dt.date(2016, 6, 1)
FRAMES = engine_frames(
    referral=referrals(7),
    cp_plan=[
        plan("P1", "R1", JUNE),
        plan("P2", "R2", JUNE),
        plan("P3", "R3", JUNE),
        plan("P4", "R4", dt.date(2017, 1, 15)),
        plan("P5", "R5", dt.date(2016, 12, 31)),
        plan("P6", "R6", dt.date(2015, 1, 5)),
        plan("P7", "R7", JUNE, dt.date(2017, 3, 31)),
    ],
    conference=[
        # P1: first review on the day 3 months after the ICPC, the next 6 months on: on time.
        icpc(1, JUNE),
        review(1, dt.date(2016, 9, 1)),
        review(1, dt.date(2017, 3, 1)),
        # P2: first review a day late: out of time, though the next was on time.
        icpc(2, JUNE),
        review(2, dt.date(2016, 9, 2)),
        review(2, dt.date(2017, 3, 1)),
        # P3: second review due 1 March 2017 and not held by 31 March: out of time.
        icpc(3, JUNE),
        review(3, dt.date(2016, 9, 1)),
        # P4: on a plan under 3 months: not in the base.
        icpc(4, dt.date(2017, 1, 15)),
        # P5: exactly 3 months on 31 March, reviewed that day: in the base, on time.
        icpc(5, dt.date(2016, 12, 31)),
        review(5, dt.date(2017, 3, 31)),
        # P6: a late review in 2015 still counts against the plan.
        icpc(6, dt.date(2015, 1, 5)),
        review(6, dt.date(2015, 4, 20)),
        review(6, dt.date(2015, 10, 15)),
        review(6, dt.date(2016, 4, 10)),
        review(6, dt.date(2016, 10, 5)),
        review(6, dt.date(2017, 3, 30)),
        # P7: ended on 31 March: not on a plan then.
        icpc(7, JUNE),
    ],
)


def test_children_on_a_plan_three_months_or_more_with_all_reviews_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["P1", "P2", "P3", "P5", "P6"],
            "numerator": [1.0, 0.0, 0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator"), expected)


def test_a_review_not_yet_due_at_an_earlier_period_end_does_not_count_against_it():
    # At 30 September 2016 P3's second review was not yet due: it was on time then.
    rows = counted_rows(DEFINITION, FRAMES, "2016-09", "2017-03")
    p3 = rows.filter(pl.col("item") == "P3").select("period", "numerator").rows()
    assert p3 == [("2016-09", 1.0), ("2017-03", 0.0)]


def test_value_is_the_share_of_children():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)

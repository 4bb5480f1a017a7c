"""CP-07 children on a CP plan at period end per 10,000: open on the last day, each child once."""

import datetime as dt

from lineofsight.indicators.definitions.cpp_rate import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=referrals(5),
    cp_plan=[
        # Open with no end: on a plan.
        plan("P1", "R1", dt.date(2016, 5, 1)),
        # Ended on 31 March: not open at 31 March.
        plan("P2", "R2", dt.date(2016, 5, 1), dt.date(2017, 3, 31)),
        # Ends the day after: open.
        plan("P3", "R3", dt.date(2016, 5, 1), dt.date(2017, 4, 1)),
        # Started on 31 March: open.
        plan("P4", "R4", dt.date(2017, 3, 31)),
        # Starts after the period's end: not yet.
        plan("P5", "R5", dt.date(2017, 4, 1)),
        # C1 on two plans at once counts once, by the later plan.
        plan("P6", "R1", dt.date(2017, 1, 1)),
    ],
)


def test_children_on_a_plan_at_the_period_end():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "child_id", "on").rows() == [
        ("P3", "C3", dt.date(2017, 3, 31)),
        ("P4", "C4", dt.date(2017, 3, 31)),
        ("P6", "C1", dt.date(2017, 3, 31)),
    ]


def test_each_month_is_a_snapshot_at_its_end():
    rows = counted_rows(DEFINITION, FRAMES, "2016-04", "2016-05")
    # Nothing had started by 30 April; on 31 May P1, P2 and P3 were open.
    assert rows.select("period", "item").rows() == [
        ("2016-05", "P1"),
        ("2016-05", "P2"),
        ("2016-05", "P3"),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=15_000) == (3.0, 1.5, 2.0)

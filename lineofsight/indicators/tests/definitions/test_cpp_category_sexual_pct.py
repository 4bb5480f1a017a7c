"""CP-17 children on a plan at period end with initial category sexual (SAB)."""

import datetime as dt

from lineofsight.indicators.definitions.cpp_category_sexual_pct import DEFINITION
from lineofsight.indicators.tests.definitions._protection_frames import plan, referrals
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

MAY = dt.date(2016, 5, 1)  # every plan here starts on 1 May 2016
FRAMES = build(
    referral=referrals(3),
    cp_plan=[
        # SAB at the start: counts, whatever the latest category.
        plan("P1", "R1", MAY, initial_category="SAB", latest_category="MUL"),
        # Another category at the start: in the base only.
        plan("P2", "R2", MAY, initial_category="MUL", latest_category="SAB"),
        # SAB, but the plan ended before the period's end: not in the base.
        plan("P3", "R3", MAY, dt.date(2016, 12, 1), initial_category="SAB", latest_category="SAB"),
    ],
)


def test_children_on_a_plan_with_initial_category_sexual():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("P1", 1.0, 1.0),
        ("P2", 0.0, 1.0),
    ]


def test_value_is_the_share_of_children_on_a_plan():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)

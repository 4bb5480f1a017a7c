"""CP-17 children on a plan at period end with initial category sexual (SAB)."""

import datetime as dt

from lineofsight.indicators.definitions.cpp_category_sexual_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[{"key": f"R{n}", "child_id": f"C{n}"} for n in range(1, 4)],
    cp_plan=[
        # SAB at the start: counts, whatever the latest category.
        {
            "key": "P1",
            "referral_id": "R1",
            "started_on": dt.date(2016, 5, 1),
            "initial_category": "SAB",
            "latest_category": "MUL",
        },
        # Another category at the start: in the base only.
        {
            "key": "P2",
            "referral_id": "R2",
            "started_on": dt.date(2016, 5, 1),
            "initial_category": "MUL",
            "latest_category": "SAB",
        },
        # SAB, but the plan ended before the period's end: not in the base.
        {
            "key": "P3",
            "referral_id": "R3",
            "started_on": dt.date(2016, 5, 1),
            "ended_on": dt.date(2016, 12, 1),
            "initial_category": "SAB",
            "latest_category": "SAB",
        },
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

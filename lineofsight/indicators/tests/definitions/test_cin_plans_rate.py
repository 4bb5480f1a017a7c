"""CIN-04 children on a CIN plan per 10,000: plans open at the period's end, each child once."""

import datetime as dt

from lineofsight.indicators.definitions.cin_plans_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

END = dt.date(2017, 3, 31)
FRAMES = build(
    referral=[{"key": f"R{n}", "child_id": f"C{n}"} for n in range(1, 6)],
    cin_plan=[
        # Open since before the year: in.
        {"key": "P1", "referral_id": "R1", "started_on": dt.date(2016, 2, 1)},
        # Ended on the last day: not open.
        {"key": "P2", "referral_id": "R2", "started_on": dt.date(2016, 2, 1), "ended_on": END},
        # Started on the last day: in.
        {"key": "P3", "referral_id": "R3", "started_on": END},
        # Two open plans: the child counts once.
        {"key": "P4", "referral_id": "R4", "started_on": dt.date(2016, 5, 1)},
        {"key": "P5", "referral_id": "R4", "started_on": dt.date(2016, 6, 1)},
        # Starts after the end: out.
        {"key": "P6", "referral_id": "R5", "started_on": dt.date(2017, 4, 1)},
    ],
)


def test_each_child_on_a_plan_at_the_end_counts_once():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "on").rows() == [
        ("C1", 1.0, END),
        ("C3", 1.0, END),
        ("C4", 1.0, END),
    ]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=10_000) == (3.0, 1.0, 3.0)

"""CIN-06 CIN plan reviews within timescale: T-06 obligations due in the period (3 months
from the plan's start, then from each review)."""

import datetime as dt

from lineofsight.indicators.definitions.cin_plan_reviews_in_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

FRAMES = engine_frames(
    referral=[{"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 4, 1)}],
    cin_plan=[{"key": "P1", "referral_id": "R1", "started_on": dt.date(2016, 4, 15)}],
    cin_plan_review=[
        # Due 15 July (3 months from the start), held that day: on time.
        {"key": "V1", "cin_plan_id": "P1", "held_on": dt.date(2016, 7, 15)},
        # Due 15 October, held on the 20th: late.
        {"key": "V2", "cin_plan_id": "P1", "held_on": dt.date(2016, 10, 20)},
        # The next, due 20 January 2017, was never held: not on time. The one after would be
        # due after the year.
    ],
)


def test_reviews_due_in_the_period_and_those_held_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17").sort("on")
    assert rows.select("item", "numerator", "denominator", "on").rows() == [
        ("T-06:P1:0", 1.0, 1.0, dt.date(2016, 7, 15)),
        ("T-06:V1:1", 0.0, 1.0, dt.date(2016, 10, 15)),
        ("T-06:V2:2", 0.0, 1.0, dt.date(2017, 1, 20)),
    ]


def test_value_is_the_share_on_time():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

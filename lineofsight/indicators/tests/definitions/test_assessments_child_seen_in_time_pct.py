"""LOCAL child seen during assessment: T-03 obligations due in the period (5 working days
from the assessment's start by default)."""

import datetime as dt

from lineofsight.indicators.definitions.assessments_child_seen_in_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

MON = dt.date(2016, 6, 6)  # 5 working days later is Monday 13 June
FRAMES = engine_frames(
    referral=[
        {"key": "R1", "child_id": "C1", "referred_on": MON},
        {"key": "R2", "child_id": "C2", "referred_on": MON},
        {"key": "R3", "child_id": "C3", "referred_on": MON},
        # Closed two days in, the child unseen: the clock stops, not counted.
        {
            "key": "R4",
            "child_id": "C4",
            "referred_on": MON,
            "closed_on": dt.date(2016, 6, 8),
            "closure_reason": "RC8",
        },
        {"key": "R5", "child_id": "C5", "referred_on": dt.date(2017, 3, 30)},
    ],
    assessment=[
        # Seen on the fifth working day: on time.
        {
            "key": "A1",
            "referral_id": "R1",
            "started_on": MON,
            "child_seen_on": dt.date(2016, 6, 13),
        },
        # Seen on the sixth: late.
        {
            "key": "A2",
            "referral_id": "R2",
            "started_on": MON,
            "child_seen_on": dt.date(2016, 6, 14),
        },
        # Never seen, referral still open: counted, not on time.
        {"key": "A3", "referral_id": "R3", "started_on": MON},
        {"key": "A4", "referral_id": "R4", "started_on": MON},
        # Started 30 March 2017: due 6 April, after the year.
        {"key": "A5", "referral_id": "R5", "started_on": dt.date(2017, 3, 30)},
    ],
)


def test_assessments_due_a_visit_in_the_period_and_those_seen_in_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator", "on").rows() == [
        ("A1", 1.0, 1.0, dt.date(2016, 6, 13)),
        ("A2", 0.0, 1.0, dt.date(2016, 6, 13)),
        ("A3", 0.0, 1.0, dt.date(2016, 6, 13)),
    ]


def test_value_is_the_share_seen_in_time():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

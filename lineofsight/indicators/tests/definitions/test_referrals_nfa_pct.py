"""FD-06 referrals with no further action: the referral's NFA flag."""

import datetime as dt

from lineofsight.indicators.definitions.referrals_nfa_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        # NFA: in the numerator.
        {
            "key": "R1",
            "child_id": "C1",
            "referred_on": dt.date(2016, 5, 1),
            "is_nfa": True,
            "closed_on": dt.date(2016, 5, 1),
            "closure_reason": "RC7",
        },
        # Closed after an assessment (RC8): not NFA.
        {
            "key": "R2",
            "child_id": "C2",
            "referred_on": dt.date(2016, 6, 1),
            "closed_on": dt.date(2016, 7, 1),
            "closure_reason": "RC8",
        },
        # Still open: in the base.
        {"key": "R3", "child_id": "C3", "referred_on": dt.date(2017, 3, 31)},
        # NFA before the year: out.
        {"key": "R4", "child_id": "C4", "referred_on": dt.date(2016, 3, 31), "is_nfa": True},
    ]
)


def test_each_referral_is_listed_and_nfa_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("R1", 1.0, 1.0),
        ("R2", 0.0, 1.0),
        ("R3", 0.0, 1.0),
    ]


def test_value_is_the_share_of_referrals():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

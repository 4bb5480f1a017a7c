"""FD-02 contacts progressing to referral: the referral names its contact, or the outcome
says referral."""

import datetime as dt

from lineofsight.indicators.definitions.contacts_to_referral_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

DAY = dt.datetime(2016, 6, 1, 10, 0)

FRAMES = build(
    contact=[
        # Outcome referral: progressed.
        {"key": "K1", "child_id": "C1", "received_at": DAY, "outcome": "referral"},
        # Recorded as advice, but a referral names it: progressed.
        {"key": "K2", "child_id": "C2", "received_at": DAY, "outcome": "advice"},
        # Passed to the child's open case: not a referral.
        {"key": "K3", "child_id": "C3", "received_at": DAY, "outcome": "existing_case"},
        # No outcome yet: in the base, not progressed.
        {"key": "K4", "child_id": "C4", "received_at": DAY, "outcome": None},
        # Became a referral, but received before the year: out.
        {
            "key": "K5",
            "child_id": "C5",
            "received_at": dt.datetime(2016, 3, 1, 10, 0),
            "outcome": "referral",
        },
    ],
    referral=[
        {"key": "R1", "child_id": "C2", "contact_id": "K2", "referred_on": dt.date(2016, 6, 2)},
        {"key": "R2", "child_id": "C5", "contact_id": "K5", "referred_on": dt.date(2016, 3, 2)},
    ],
)


def test_each_contact_in_the_period_is_listed_and_referrals_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("K1", 1.0, 1.0),
        ("K2", 1.0, 1.0),
        ("K3", 0.0, 1.0),
        ("K4", 0.0, 1.0),
    ]


def test_value_is_the_share_of_contacts():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

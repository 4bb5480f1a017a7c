"""FD-07 referrals assessed as not in need: assessed, closed RC8/RC9, no further activity."""

import datetime as dt

from lineofsight.indicators.definitions.referrals_assessed_not_in_need_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

ON = dt.date(2016, 6, 1)
CLOSED = dt.date(2016, 7, 1)


def referral(key: str, reason: str | None = "RC8", **more: object) -> dict[str, object]:
    closed = {"closed_on": CLOSED, "closure_reason": reason} if reason else {}
    return {"key": key, "child_id": f"C{key}", "referred_on": ON, **closed, **more}


FRAMES = build(
    referral=[
        referral("R1"),  # assessed, RC8: not in need
        referral("R2", "RC9"),  # assessed, RC9 (referred to early help): not in need
        referral("R3"),  # assessed, RC8, but a CP plan followed: further activity
        referral("R4"),  # RC8 with no assessment recorded: not counted
        referral("R5", "RC7", is_nfa=True),  # NFA before any assessment: not this measure
        referral("R6", None),  # assessed, still open: not (yet) in the numerator
        referral("R7"),  # assessed, RC8, with an S47 enquiry: further activity
        referral("R8"),  # assessed, RC8, with a CIN plan: further activity
        referral("R9", "RC7"),  # assessed, closed for another reason
        referral("R0", referred_on=dt.date(2016, 3, 31)),  # before the year: out
    ],
    assessment=[
        {"referral_id": key, "started_on": ON}
        for key in ("R1", "R2", "R3", "R6", "R7", "R8", "R9", "R0")
    ],
    cp_plan=[{"referral_id": "R3", "started_on": ON}],
    section47_enquiry=[{"referral_id": "R7", "started_on": ON}],
    cin_plan=[{"referral_id": "R8", "started_on": ON}],
)


def test_each_referral_is_listed_and_those_assessed_not_in_need_flagged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("R1", 1.0, 1.0),
        ("R2", 1.0, 1.0),
        ("R3", 0.0, 1.0),
        ("R4", 0.0, 1.0),
        ("R5", 0.0, 1.0),
        ("R6", 0.0, 1.0),
        ("R7", 0.0, 1.0),
        ("R8", 0.0, 1.0),
        ("R9", 0.0, 1.0),
    ]


def test_value_is_the_share_of_referrals():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (2.0, 9.0)
    assert value is not None
    assert round(value, 1) == 22.2

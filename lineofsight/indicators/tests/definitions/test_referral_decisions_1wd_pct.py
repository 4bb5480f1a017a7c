"""FD-03 referral decisions within 1 working day: T-01 obligations due in the period."""

import datetime as dt

import polars as pl

from lineofsight.indicators.definitions.referral_decisions_1wd_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

FRI = dt.date(2016, 6, 3)  # a Friday: the next working day is Monday 6 June
FRAMES = engine_frames(
    referral=[
        # Assessment started the next working day: on time; the referral names its team.
        {"key": "R1", "child_id": "C1", "referred_on": FRI, "team_id": "MASH", "worker_id": "W1"},
        # Assessment started two working days later: late.
        {"key": "R2", "child_id": "C2", "referred_on": FRI},
        # No further action the same day: a decision, on time.
        {
            "key": "R3",
            "child_id": "C3",
            "referred_on": dt.date(2016, 6, 10),
            "is_nfa": True,
            "closed_on": dt.date(2016, 6, 10),
            "closure_reason": "RC7",
        },
        # Strategy discussion the next day: a decision, on time.
        {"key": "R4", "child_id": "C4", "referred_on": dt.date(2016, 6, 15)},
        # Never decided: late.
        {"key": "R5", "child_id": "C5", "referred_on": dt.date(2016, 6, 20)},
        # Received Friday 31 March 2017, due Monday 3 April: not due in 2016-17.
        {"key": "R6", "child_id": "C6", "referred_on": dt.date(2017, 3, 31)},
        # Received Thursday 31 March 2016, due Friday 1 April: due in 2016-17, decided then.
        {"key": "R7", "child_id": "C7", "referred_on": dt.date(2016, 3, 31)},
    ],
    assessment=[
        {"key": "A1", "referral_id": "R1", "started_on": dt.date(2016, 6, 6)},
        {"key": "A2", "referral_id": "R2", "started_on": dt.date(2016, 6, 7)},
        {"key": "A7", "referral_id": "R7", "started_on": dt.date(2016, 4, 1)},
    ],
    strategy_discussion=[
        {"key": "S4", "referral_id": "R4", "held_on": dt.date(2016, 6, 16)},
    ],
)


def test_referrals_due_a_decision_in_the_period_and_those_decided_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "denominator").rows() == [
        ("R1", 1.0, 1.0),
        ("R2", 0.0, 1.0),
        ("R3", 1.0, 1.0),
        ("R4", 1.0, 1.0),
        ("R5", 0.0, 1.0),
        ("R7", 1.0, 1.0),
    ]


def test_the_referral_names_who_is_responsible():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    first = rows.filter(pl.col("item") == "R1").row(0, named=True)
    assert (first["team_id"], first["worker_id"], first["on"]) == (
        "MASH",
        "W1",
        dt.date(2016, 6, 6),
    )


def test_value_is_the_share_decided_on_time():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (4.0, 6.0)
    assert value is not None
    assert round(value, 1) == 66.7

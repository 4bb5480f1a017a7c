"""CIN-02 episodes of need starting per 10,000: referrals in the period that are episodes of
need (not NFA, not closed as assessed not in need by the period's end)."""

import datetime as dt

from lineofsight.indicators.definitions.cin_episodes_started_rate import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    referral=[
        # Open: an episode of need.
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 4, 1)},
        # NFA: not an episode.
        {
            "key": "R2",
            "child_id": "C2",
            "referred_on": dt.date(2016, 4, 2),
            "is_nfa": True,
            "closed_on": dt.date(2016, 4, 2),
            "closure_reason": "RC7",
        },
        # Assessed, closed RC8 in the year: not in need.
        {
            "key": "R3",
            "child_id": "C3",
            "referred_on": dt.date(2016, 5, 1),
            "closed_on": dt.date(2016, 6, 1),
            "closure_reason": "RC8",
        },
        # Assessed, closed RC8 only after the year: still being assessed at its end, counted.
        {
            "key": "R4",
            "child_id": "C4",
            "referred_on": dt.date(2016, 5, 1),
            "closed_on": dt.date(2017, 4, 10),
            "closure_reason": "RC8",
        },
        # Before the year: out.
        {"key": "R5", "child_id": "C5", "referred_on": dt.date(2016, 3, 31)},
        # Assessed, CIN plan, closed RC7: an episode of need.
        {
            "key": "R6",
            "child_id": "C6",
            "referred_on": dt.date(2016, 7, 1),
            "closed_on": dt.date(2016, 12, 1),
            "closure_reason": "RC7",
        },
    ],
    assessment=[
        {"referral_id": key, "started_on": dt.date(2016, 5, 2)} for key in ("R3", "R4", "R6")
    ],
    cin_plan=[{"referral_id": "R6", "started_on": dt.date(2016, 8, 1)}],
)


def test_each_episode_of_need_starting_in_the_period_counts():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows["item"].to_list() == ["R1", "R4", "R6"]


def test_an_episode_is_read_as_known_at_the_period_end():
    # At the end of May 2016 R3 was still being assessed (closed as not in need on 1 June), so
    # May counts it; the year, by whose end it had closed, does not.
    rows = counted_rows(DEFINITION, FRAMES, "2016-05")
    assert rows["item"].to_list() == ["R3", "R4"]


def test_rate_is_per_10000_children():
    assert value_of(DEFINITION, FRAMES, "2016-17", population=30_000) == (3.0, 3.0, 1.0)

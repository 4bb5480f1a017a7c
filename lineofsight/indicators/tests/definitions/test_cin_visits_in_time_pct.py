"""CIN-05 CIN visits within timescale: T-07 obligations due in the period (every 20 working
days from the plan's start, then from each visit)."""

import datetime as dt

from lineofsight.indicators.definitions.cin_visits_in_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

FRAMES = engine_frames(
    referral=[
        {"key": "R1", "child_id": "C1", "referred_on": dt.date(2016, 5, 1), "team_id": "CIN1"},
        {"key": "R2", "child_id": "C2", "referred_on": dt.date(2017, 3, 1)},
    ],
    cin_plan=[
        # Starts Wednesday 1 June 2016 and ends 20 August.
        {
            "key": "P1",
            "referral_id": "R1",
            "started_on": dt.date(2016, 6, 1),
            "ended_on": dt.date(2016, 8, 20),
        },
        # Starts 20 March 2017: its first visit is due in April, after the year.
        {"key": "P2", "referral_id": "R2", "started_on": dt.date(2017, 3, 20)},
    ],
    visit=[
        # Due 29 June (20 working days from 1 June), made that day: on time.
        {"key": "V1", "child_id": "C1", "kind": "cin", "visited_on": dt.date(2016, 6, 29)},
        # A CP visit is not a CIN visit.
        {"key": "V9", "child_id": "C1", "kind": "cp", "visited_on": dt.date(2016, 7, 1)},
        # Next due 27 July, made on the 28th: late. The one after, due 25 August, falls after
        # the plan ended, so it lapses.
        {"key": "V2", "child_id": "C1", "kind": "cin", "visited_on": dt.date(2016, 7, 28)},
    ],
)


def test_visits_due_in_the_period_and_those_made_on_time():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17").sort("on")
    assert rows.select("numerator", "denominator", "on").rows() == [
        (1.0, 1.0, dt.date(2016, 6, 29)),
        (0.0, 1.0, dt.date(2016, 7, 27)),
    ]
    assert rows["item"].to_list() == ["T-07:P1:0", "T-07:V1:1"]
    assert rows["team_id"].to_list() == ["CIN1", "CIN1"]


def test_value_is_the_share_on_time():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)

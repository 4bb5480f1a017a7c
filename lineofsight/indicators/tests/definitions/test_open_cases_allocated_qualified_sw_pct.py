"""WF-08 open cases with an allocated qualified social worker at the period's end."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.open_cases_allocated_qualified_sw_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

OPENED = dt.date(2016, 5, 2)
FRAMES = build(
    worker=[
        {"staff_id": "W1", "role": "social_worker", "is_qualified": True},
        # W2 is in a social worker role but not recorded as qualified.
        {"staff_id": "W2", "role": "social_worker", "is_qualified": False},
        {"staff_id": "M1", "role": "team_manager", "is_qualified": True},
    ],
    referral=[
        {"key": "R1", "child_id": "C1", "referred_on": OPENED},
        {"key": "R2", "child_id": "C2", "referred_on": OPENED},
        # R3 closed with no further action: C3 is open only through the CP plan below.
        {"key": "R3", "child_id": "C3", "referred_on": OPENED, "is_nfa": True},
        # R5 closed on the period's last day: C5 is not open then.
        {"key": "R5", "child_id": "C5", "referred_on": OPENED, "closed_on": dt.date(2017, 3, 31)},
        # R6 is NFA with no closure date: still not an open case.
        {"key": "R6", "child_id": "C6", "referred_on": OPENED, "is_nfa": True},
        {"key": "R7", "child_id": "C7", "referred_on": OPENED},
    ],
    cp_plan=[{"key": "P3", "referral_id": "R3", "started_on": OPENED}],
    # C4 is looked after, with no referral recorded.
    cla_episode=[{"key": "E4", "child_id": "C4", "started_on": OPENED}],
    allocation=[
        # C1: allocated to a qualified social worker: in the numerator.
        {"child_id": "C1", "worker_id": "W1", "role": "social_worker", "started_on": OPENED},
        # C2: allocated to an unqualified worker: not.
        {"child_id": "C2", "worker_id": "W2", "role": "social_worker", "started_on": OPENED},
        # C3: held by the team manager: held, not allocated.
        {"child_id": "C3", "worker_id": "M1", "role": "held_by_manager", "started_on": OPENED},
        # C4: allocated: in the numerator.
        {"child_id": "C4", "worker_id": "W1", "role": "social_worker", "started_on": OPENED},
        # C7: the allocation ended on the last day: unallocated at the end.
        {
            "child_id": "C7",
            "worker_id": "W1",
            "role": "social_worker",
            "started_on": OPENED,
            "ended_on": dt.date(2017, 3, 31),
        },
    ],
)


def test_each_open_case_is_listed_and_allocated_ones_counted():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    # An allocation ending on the period's end is not open at it: C7 is unallocated then, and
    # the engine attributes the row to no worker.
    expected = pl.DataFrame(
        {
            "item": ["C1", "C2", "C3", "C4", "C7"],
            "numerator": [1.0, 0.0, 0.0, 1.0, 0.0],
            "denominator": [1.0] * 5,
            "worker_id": ["W1", "W2", "M1", "W1", None],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "worker_id"), expected)


def test_value_is_the_allocated_share():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 5.0, 40.0)


def test_before_the_cases_opened_there_are_none():
    assert counted_rows(DEFINITION, FRAMES, "2016-04").is_empty()

"""WF-04 average caseload: cases held by social workers at the period's end over the FTE of
those holding any, one row per worker."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.social_worker_caseload_avg import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 5)
OPENED = dt.date(2016, 10, 3)


def allocation(child: str, worker: str, role: str = "social_worker", **extra: object) -> dict:
    return {
        "child_id": child,
        "worker_id": worker,
        "team_id": "SFS1",
        "role": role,
        "started_on": OPENED,
        **extra,
    }


FRAMES = build(
    worker=[
        {"staff_id": "W1", "role": "social_worker", "fte": 1.0, "started_on": LONG_AGO},
        # W2: an agency team manager holding a case: agency workers count (DfE from 2017).
        {
            "staff_id": "W2",
            "role": "team_manager",
            "is_agency": True,
            "fte": 0.5,
            "started_on": LONG_AGO,
        },
        # W3: a social worker holding no case: not in the base.
        {"staff_id": "W3", "role": "social_worker", "fte": 1.0, "started_on": LONG_AGO},
        # W4: a family support worker: not a social worker, their allocation is not a case.
        {"staff_id": "W4", "role": "family_support_worker", "fte": 1.0, "started_on": LONG_AGO},
        # W5: a personal adviser holding a care leaver: not a social worker.
        {"staff_id": "W5", "role": "personal_adviser", "fte": 1.0, "started_on": LONG_AGO},
        # W6: a social worker with no FTE recorded: adds a case but no FTE.
        {"staff_id": "W6", "role": "asye", "fte": 0.0, "started_on": LONG_AGO},
    ],
    allocation=[
        # W1 holds C1 (twice over: one case), C2, and C3 on duty: 3 cases.
        allocation("C1", "W1"),
        allocation("C1", "W1", started_on=dt.date(2016, 11, 1)),
        allocation("C2", "W1"),
        allocation("C3", "W1", "duty"),
        # C6's allocation to W1 ended on the period's last day: not held then.
        allocation("C6", "W1", ended_on=dt.date(2017, 3, 31)),
        # C9 is W1's IRO allocation: not case holding.
        allocation("C9", "W1", "iro"),
        allocation("C4", "W2", "held_by_manager"),
        allocation("C5", "W4", "family_support"),
        allocation("C7", "W5", "personal_adviser"),
        allocation("C8", "W6"),
    ],
    team_membership=[{"worker_id": "W1", "team_id": "SFS1", "started_on": LONG_AGO}],
)


def test_one_row_per_case_holding_social_worker():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["W1", "W2", "W6"],
            "child_id": [None, None, None],
            "numerator": [3.0, 1.0, 1.0],
            "denominator": [1.0, 0.5, 0.0],
            "team_id": ["SFS1", None, None],
            "worker_id": ["W1", "W2", "W6"],
        },
        schema_overrides={"child_id": pl.String, "team_id": pl.String},
    )
    assert_frame_equal(
        rows.select("item", "child_id", "numerator", "denominator", "team_id", "worker_id"),
        expected,
    )


def test_value_is_cases_per_fte():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (5.0, 1.5)
    assert value is not None
    assert round(value, 3) == 3.333


def test_before_the_cases_opened_nobody_holds_any():
    assert counted_rows(DEFINITION, FRAMES, "2016-09").is_empty()

"""WF-07 social workers in post: directly employed social work roles at the period's end,
weighed by FTE, each in the team of their membership that day."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.social_workers_fte import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

LONG_AGO = dt.date(2015, 1, 5)
FRAMES = build(
    worker=[
        # W1: a social worker in post throughout: counts at 1.0.
        {"staff_id": "W1", "role": "social_worker", "fte": 1.0, "started_on": LONG_AGO},
        # W2: an ASYE starting on the period's last day is in post then: 0.5.
        {"staff_id": "W2", "role": "asye", "fte": 0.5, "started_on": dt.date(2017, 3, 31)},
        # W3: a team manager whose end date is the period's end has left: out.
        {
            "staff_id": "W3",
            "role": "team_manager",
            "fte": 0.8,
            "started_on": LONG_AGO,
            "ended_on": dt.date(2017, 3, 31),
        },
        # W4: an agency social worker: not directly employed, out.
        {
            "staff_id": "W4",
            "role": "social_worker",
            "fte": 1.0,
            "is_agency": True,
            "started_on": LONG_AGO,
        },
        # W5: a qualified personal adviser: not a social work post, out.
        {
            "staff_id": "W5",
            "role": "personal_adviser",
            "is_qualified": True,
            "fte": 1.0,
            "started_on": LONG_AGO,
        },
        # W6: a senior practitioner starting the day after: out.
        {
            "staff_id": "W6",
            "role": "senior_practitioner",
            "fte": 1.0,
            "started_on": dt.date(2017, 4, 1),
        },
        # W7: an IRO leaving the day after the period's end: in post, 1.0.
        {
            "staff_id": "W7",
            "role": "iro",
            "fte": 1.0,
            "started_on": LONG_AGO,
            "ended_on": dt.date(2017, 4, 1),
        },
    ],
    team_membership=[
        # W1 moved from team A to team B in January: counted in B.
        {
            "worker_id": "W1",
            "team_id": "A",
            "started_on": LONG_AGO,
            "ended_on": dt.date(2017, 1, 2),
        },
        {"worker_id": "W1", "team_id": "B", "started_on": dt.date(2017, 1, 2)},
        {"worker_id": "W7", "team_id": "IRO", "started_on": LONG_AGO},
    ],
)


def test_directly_employed_social_workers_in_post_at_the_end_by_fte():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["W1", "W2", "W7"],
            "child_id": [None, None, None],
            "numerator": [1.0, 0.5, 1.0],
            "on": [dt.date(2017, 3, 31)] * 3,
            "team_id": ["B", None, "IRO"],
            "worker_id": ["W1", "W2", "W7"],
        },
        schema_overrides={"child_id": pl.String},
    )
    assert_frame_equal(
        rows.select("item", "child_id", "numerator", "on", "team_id", "worker_id"), expected
    )


def test_value_is_the_fte_in_post():
    numerator, _, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, value) == (2.5, 2.5)


def test_a_month_end_snapshot():
    # At 31 January 2017 the ASYE had not started; the others were in post.
    rows = counted_rows(DEFINITION, FRAMES, "2017-01")
    assert rows.select("item", "numerator").rows() == [("W1", 1.0), ("W3", 0.8), ("W7", 1.0)]

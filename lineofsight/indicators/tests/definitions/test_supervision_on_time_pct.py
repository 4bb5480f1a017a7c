"""LOCAL-SUPERVISION supervision on time: each due date set by a session, met by the worker's
next session on or before it."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.supervision_on_time_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def session(key: str, worker: str, held_on: dt.date, due: dt.date | None) -> dict:
    return {"key": key, "worker_id": worker, "held_on": held_on, "next_due_on": due}


FRAMES = build(
    worker=[
        {"staff_id": "W1", "role": "social_worker", "started_on": dt.date(2015, 1, 5)},
        # W2 left on 1 September, before their next supervision fell due.
        {
            "staff_id": "W2",
            "role": "social_worker",
            "started_on": dt.date(2015, 1, 5),
            "ended_on": dt.date(2016, 9, 1),
        },
        {"staff_id": "W3", "role": "asye", "started_on": dt.date(2015, 1, 5)},
    ],
    supervision=[
        # S1 sets 29 April; S2 is held that day: on time.
        session("S1", "W1", dt.date(2016, 4, 1), dt.date(2016, 4, 29)),
        # S2 sets 27 May; the next session is on 10 June: late.
        session("S2", "W1", dt.date(2016, 4, 29), dt.date(2016, 5, 27)),
        # S3 sets 8 July; no later session: not held. S4 the same day does not meet it, and
        # sets no due date itself.
        session("S3", "W1", dt.date(2016, 6, 10), dt.date(2016, 7, 8)),
        session("S4", "W1", dt.date(2016, 6, 10), None),
        # S5 sets 7 September, after W2 left: not due.
        session("S5", "W2", dt.date(2016, 8, 10), dt.date(2016, 9, 7)),
        # S6, held in the previous year, sets a date in this one; S7 meets it.
        session("S6", "W3", dt.date(2016, 3, 10), dt.date(2016, 4, 7)),
        # S7 sets a date after the period: not in it.
        session("S7", "W3", dt.date(2016, 4, 5), dt.date(2017, 4, 3)),
    ],
    team_membership=[{"worker_id": "W1", "team_id": "AST1", "started_on": dt.date(2015, 1, 5)}],
)


def test_each_due_date_in_the_period_by_the_worker_supervised():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["S1", "S2", "S3", "S6"],
            "child_id": [None] * 4,
            "numerator": [1.0, 0.0, 0.0, 1.0],
            "denominator": [1.0] * 4,
            "on": [
                dt.date(2016, 4, 29),
                dt.date(2016, 5, 27),
                dt.date(2016, 7, 8),
                dt.date(2016, 4, 7),
            ],
            "team_id": ["AST1", "AST1", "AST1", None],
            "worker_id": ["W1", "W1", "W1", "W3"],
        },
        schema_overrides={"child_id": pl.String, "team_id": pl.String},
    )
    assert_frame_equal(
        rows.select("item", "child_id", "numerator", "denominator", "on", "team_id", "worker_id"),
        expected,
    )


def test_value_is_the_share_held_on_time():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

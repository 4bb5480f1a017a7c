"""LOCAL-RATIONALE decisions made in the period whose rationale is not blank."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.decisions_with_rationale_pct import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of

FRAMES = build(
    decision=[
        # D1: a rationale, made by M1: in the numerator, under M1's team.
        {
            "key": "D1",
            "child_id": "C1",
            "made_at": dt.datetime(2016, 6, 1, 10, 0),
            "made_by_id": "M1",
            "rationale": "Risks are reduced; the plan can step down.",
        },
        # D2: an empty rationale; D3: only spaces: not recorded.
        {"key": "D2", "child_id": "C2", "made_at": dt.datetime(2016, 6, 1, 10, 0), "rationale": ""},
        {
            "key": "D3",
            "child_id": "C3",
            "made_at": dt.datetime(2016, 6, 1, 10, 0),
            "rationale": "   ",
        },
        # D4: 23:30 UTC on 31 March 2016 is 00:30 on 1 April in London: in the year.
        {
            "key": "D4",
            "child_id": "C4",
            "made_at": dt.datetime(2016, 3, 31, 23, 30),
            "rationale": "Section 47 threshold met.",
        },
        # D5: 23:30 UTC on 31 March 2017 is 1 April in London: after the year.
        {
            "key": "D5",
            "child_id": "C5",
            "made_at": dt.datetime(2017, 3, 31, 23, 30),
            "rationale": "",
        },
    ],
    team_membership=[{"worker_id": "M1", "team_id": "SFS1", "started_on": dt.date(2015, 1, 5)}],
)


def test_decisions_in_the_period_by_whether_a_rationale_is_recorded():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["D1", "D2", "D3", "D4"],
            "child_id": ["C1", "C2", "C3", "C4"],
            "numerator": [1.0, 0.0, 0.0, 1.0],
            "on": [dt.date(2016, 6, 1)] * 3 + [dt.date(2016, 4, 1)],
            "team_id": ["SFS1", None, None, None],
            "worker_id": ["M1", None, None, None],
        },
        schema_overrides={"team_id": pl.String, "worker_id": pl.String},
    )
    assert_frame_equal(
        rows.select("item", "child_id", "numerator", "on", "team_id", "worker_id"), expected
    )


def test_value_is_the_share_with_a_rationale():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)


def test_overlapping_periods_each_count_their_own_decisions():
    # A quarter inside the year (the periods overlap) and a month: D1 falls in all three.
    rows = counted_rows(DEFINITION, FRAMES, "2016-17", "2016-17 Q1", "2016-06")
    assert rows.select("period", "item").rows() == [
        ("2016-06", "D1"),
        ("2016-06", "D2"),
        ("2016-06", "D3"),
        ("2016-17", "D1"),
        ("2016-17", "D2"),
        ("2016-17", "D3"),
        ("2016-17", "D4"),
        ("2016-17 Q1", "D1"),
        ("2016-17 Q1", "D2"),
        ("2016-17 Q1", "D3"),
        ("2016-17 Q1", "D4"),
    ]

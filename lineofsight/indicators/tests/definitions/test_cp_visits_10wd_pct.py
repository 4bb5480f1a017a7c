"""CP-15 CP visits within timescale: the engine's T-20 visits due in the period, met on time."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.cp_visits_10wd_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

FRAMES = engine_frames(
    referral=[{"key": "R1", "child_id": "C1"}, {"key": "R2", "child_id": "C2"}],
    cp_plan=[
        # C1's plan from Monday 6 June to 10 July 2016.
        {
            "key": "P1",
            "referral_id": "R1",
            "started_on": dt.date(2016, 6, 6),
            "ended_on": dt.date(2016, 7, 10),
        },
        # C2's plan started and ended before the year: its visits are not due in it.
        {
            "key": "P2",
            "referral_id": "R2",
            "started_on": dt.date(2016, 3, 1),
            "ended_on": dt.date(2016, 3, 20),
        },
    ],
    visit=[
        # Ten working days after the plan started: on time.
        {"key": "V1", "child_id": "C1", "kind": "cp", "visited_on": dt.date(2016, 6, 20)},
        # Eleven working days after V1 (due 4 July): late. The next, due 19 July, falls after
        # the plan ended, so it lapses.
        {"key": "V2", "child_id": "C1", "kind": "cp", "visited_on": dt.date(2016, 7, 5)},
        # A child in need visit is not a CP visit.
        {"key": "V3", "child_id": "C1", "kind": "cin", "visited_on": dt.date(2016, 6, 28)},
        {"key": "V4", "child_id": "C2", "kind": "cp", "visited_on": dt.date(2016, 3, 14)},
    ],
)


def test_each_visit_due_in_the_year_counted_on_time_or_not():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["T-20:P1:0", "T-20:V1:1"],
            "numerator": [1.0, 0.0],
            "denominator": [1.0, 1.0],
            "on": [dt.date(2016, 6, 20), dt.date(2016, 7, 4)],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_a_visit_made_after_the_month_it_was_due_is_not_made_in_it():
    rows = counted_rows(DEFINITION, FRAMES, "2016-06", "2016-07")
    assert rows.select("period", "numerator").rows() == [("2016-06", 1.0), ("2016-07", 0.0)]


def test_value_is_the_share_of_visits_due():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)

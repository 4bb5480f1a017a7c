"""CP-19 care proceedings concluded within 26 weeks: the engine's T-24, met in the period."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.care_proceedings_26wk_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of

ISSUED = dt.date(2016, 1, 4)  # 26 weeks on is 4 July 2016
FRAMES = engine_frames(
    legal_proceeding=[
        # Concluded on the 26-week day: on time.
        {
            "key": "L1",
            "child_id": "C1",
            "kind": "care",
            "started_on": ISSUED,
            "ended_on": dt.date(2016, 7, 4),
            "outcome": "care_order",
        },
        # A day later: late, whatever the outcome.
        {
            "key": "L2",
            "child_id": "C2",
            "kind": "care",
            "started_on": ISSUED,
            "ended_on": dt.date(2016, 7, 5),
            "outcome": "withdrawn",
        },
        # Concluded after the year, and still running: not in it.
        {
            "key": "L3",
            "child_id": "C3",
            "kind": "care",
            "started_on": dt.date(2016, 12, 1),
            "ended_on": dt.date(2017, 4, 3),
        },
        {"key": "L4", "child_id": "C4", "kind": "care", "started_on": dt.date(2016, 12, 1)},
        # Pre-proceedings concluded in the year: not care proceedings.
        {
            "key": "L5",
            "child_id": "C5",
            "kind": "pre_proceedings",
            "started_on": ISSUED,
            "ended_on": dt.date(2016, 4, 1),
        },
    ],
)


def test_proceedings_concluded_in_the_year_on_time_or_not():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["L1", "L2"],
            "numerator": [1.0, 0.0],
            "denominator": [1.0, 1.0],
            "on": [dt.date(2016, 7, 4), dt.date(2016, 7, 5)],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_concluded_in_26_weeks():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (1.0, 2.0, 50.0)

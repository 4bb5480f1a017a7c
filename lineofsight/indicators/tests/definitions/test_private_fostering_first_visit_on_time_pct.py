"""OT-01 private fostering first visits (T-83, 7 working days from notification) due in the
period and made by then."""

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.private_fostering_first_visit_on_time_pct import DEFINITION
from lineofsight.indicators.tests.definitions._timescale_frames import engine_frames
from lineofsight.indicators.tests.frames import counted_rows, value_of


def arrangement(n: int, notified_on: dt.date, ended_on: dt.date | None = None) -> dict:
    return {
        "key": f"PF{n}",
        "child_id": f"C{n}",
        "notified_on": notified_on,
        "started_on": notified_on,
        "ended_on": ended_on,
    }


def visit(n: int, visited_on: dt.date, kind: str = "private_fostering") -> dict:
    return {
        "key": f"V{n}-{visited_on}",
        "child_id": f"C{n}",
        "kind": kind,
        "visited_on": visited_on,
    }


JUNE = dt.date(2016, 6, 6)  # a Monday: the 7th working day after it is 15 June
FRAMES = engine_frames(
    private_fostering_arrangement=[
        arrangement(1, JUNE),
        arrangement(2, JUNE),
        arrangement(3, JUNE),
        # PF4 ended two days after notification, before the visit fell due: no clock.
        arrangement(4, JUNE, dt.date(2016, 6, 8)),
        # PF5 notified on 28 March 2017: its visit falls due in April, outside the year.
        arrangement(5, dt.date(2017, 3, 28)),
    ],
    visit=[
        # C1 visited on the 7th working day: on time.
        visit(1, dt.date(2016, 6, 15)),
        # C2 visited on the 8th: late; a CIN visit before then does not count.
        visit(2, dt.date(2016, 6, 16)),
        visit(2, dt.date(2016, 6, 10), kind="cin"),
        # C3 is never visited: overdue.
    ],
)


def test_first_visits_due_in_the_period():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "child_id": ["C1", "C2", "C3"],
            "numerator": [1.0, 0.0, 0.0],
            "denominator": [1.0] * 3,
            "on": [dt.date(2016, 6, 15)] * 3,
        }
    )
    assert_frame_equal(
        rows.sort("child_id").select("child_id", "numerator", "denominator", "on"), expected
    )


def test_value_is_the_share_visited_in_time():
    numerator, denominator, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (numerator, denominator) == (1.0, 3.0)
    assert value is not None
    assert round(value, 1) == 33.3

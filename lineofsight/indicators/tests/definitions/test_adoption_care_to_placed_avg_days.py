"""AD-01 A1: children adopted in the period, days from entering care to being placed."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adoption_care_to_placed_avg_days import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(
    key: str,
    child: str,
    started: dt.date,
    ended: dt.date | None,
    placement: str,
    ceased: str | None = None,
    new: str = "P",
) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, reason=new, place=placement, ceased=ceased)


FRAMES = build(
    cla_episode=[
        # C1: entered care 1 January 2015, adopted in the period; the record's date placed
        # (1 July 2015, 181 days) wins over the A4 placement's start.
        episode("E1", "C1", dt.date(2015, 1, 1), dt.date(2015, 6, 1), "U6", "X1", new="S"),
        episode("E2", "C1", dt.date(2015, 6, 1), dt.date(2016, 6, 30), "A4", "E11"),
        # C2: no adoption record: placed when the A6 placement began (275 days).
        episode("E3", "C2", dt.date(2015, 4, 1), dt.date(2016, 1, 1), "U6", "X1", new="S"),
        episode("E4", "C2", dt.date(2016, 1, 1), dt.date(2016, 12, 1), "A6", "E12"),
        # C3: adopted the day before the period: out.
        episode("E5", "C3", dt.date(2014, 1, 1), dt.date(2016, 3, 31), "A4", "E11", new="S"),
        # C4: adopted in the period with no date placed and no A3-A6 placement: listed,
        # not averaged.
        episode("E6", "C4", dt.date(2014, 5, 1), dt.date(2016, 10, 1), "U4", "E11", new="S"),
        # C5: care ended by returning home: not adopted.
        episode("E7", "C5", dt.date(2015, 5, 1), dt.date(2016, 8, 1), "U6", "E4A", new="S"),
        # C6: an earlier period of care ended at home; the one that ended in adoption (on
        # the period's last day) started on 1 February 2015 (181 days to the A4 placement).
        episode("E8", "C6", dt.date(2014, 1, 1), dt.date(2014, 6, 1), "U6", "E4A", new="S"),
        episode("E9", "C6", dt.date(2015, 2, 1), dt.date(2015, 8, 1), "U6", "X1", new="S"),
        episode("E10", "C6", dt.date(2015, 8, 1), dt.date(2017, 3, 31), "A4", "E11"),
    ],
    adoption=[
        {
            "key": "A1",
            "child_id": "C1",
            "decision_on": dt.date(2015, 3, 1),
            "matched_on": dt.date(2015, 6, 20),
            "placed_on": dt.date(2015, 7, 1),
            "adoption_order_on": dt.date(2016, 6, 30),
        },
    ],
)


def test_children_adopted_in_the_period_are_timed_from_entering_care():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            # Each adopted child's period of care, keyed by its first episode.
            "item": ["E1", "E3", "E6", "E9"],
            "numerator": [1.0, 1.0, 0.0, 1.0],
            "denominator": [1.0, 1.0, 0.0, 1.0],
            "measure": [181.0, 275.0, None, 181.0],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "measure"), expected)


def test_value_is_the_mean_of_the_timed_children():
    total, count, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (total, count) == (637.0, 3.0)
    assert value is not None
    assert round(value, 2) == 212.33


def test_rows_are_dated_on_the_day_of_adoption():
    rows = counted_rows(DEFINITION, FRAMES, "2016-06", "2017-03")
    assert rows.select("period", "item", "on").rows() == [
        ("2016-06", "E1", dt.date(2016, 6, 30)),
        ("2017-03", "E9", dt.date(2017, 3, 31)),
    ]

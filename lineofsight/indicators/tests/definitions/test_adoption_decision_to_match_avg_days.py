"""AD-06 days from the 'should be placed' decision to the match, for children adopted."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adoption_decision_to_match_avg_days import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def adopted(key: str, child: str, started: dt.date, ended: dt.date) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, status="E1", place="A6", ceased="E11")


FRAMES = build(
    cla_episode=[
        adopted("E1", "C1", dt.date(2015, 1, 1), dt.date(2016, 6, 1)),
        adopted("E2", "C2", dt.date(2015, 1, 1), dt.date(2016, 7, 1)),
        adopted("E3", "C3", dt.date(2015, 1, 1), dt.date(2016, 8, 1)),
        adopted("E4", "C4", dt.date(2014, 12, 1), dt.date(2016, 9, 1)),
        adopted("E5", "C5", dt.date(2015, 3, 1), dt.date(2016, 10, 1)),
    ],
    adoption=[
        # C1: decided 1 June 2015, matched 1 December: 183 days.
        {
            "key": "A1",
            "child_id": "C1",
            "decision_on": dt.date(2015, 6, 1),
            "matched_on": dt.date(2015, 12, 1),
        },
        # C2: no match date recorded: listed outside the base.
        {"key": "A2", "child_id": "C2", "decision_on": dt.date(2015, 6, 1)},
        # C3 has no adoption record: listed outside the base.
        # C4: a first decision ceased; the later one, with the adoption order, is the plan:
        # decided 1 April 2015, matched 30 June: 90 days.
        {
            "key": "A4a",
            "child_id": "C4",
            "decision_on": dt.date(2015, 1, 10),
            "ceased_on": dt.date(2015, 3, 1),
            "ceased_reason": "RD1",
        },
        {
            "key": "A4b",
            "child_id": "C4",
            "decision_on": dt.date(2015, 4, 1),
            "matched_on": dt.date(2015, 6, 30),
            "adoption_order_on": dt.date(2016, 9, 1),
        },
        # C5: a decision made before this period of care began belongs to an earlier plan.
        {
            "key": "A5",
            "child_id": "C5",
            "decision_on": dt.date(2014, 1, 1),
            "matched_on": dt.date(2014, 3, 1),
        },
    ],
)


def test_each_adopted_child_is_timed_from_the_decision_on_their_plan():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["E1", "E2", "E3", "E4", "E5"],
            "denominator": [1.0, 0.0, 0.0, 1.0, 0.0],
            "measure": [183.0, None, None, 90.0, None],
        }
    )
    assert_frame_equal(rows.select("item", "denominator", "measure"), expected)


def test_value_is_the_mean_days():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (273.0, 2.0, 136.5)

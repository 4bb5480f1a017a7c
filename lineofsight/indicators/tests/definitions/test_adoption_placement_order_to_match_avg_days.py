"""AD-02 A2: children adopted with a placement order and placed before the adoption order,
days from the order to the match (0 when the match came first)."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adoption_placement_order_to_match_avg_days import DEFINITION
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def adopted(key: str, child: str, ended: dt.date, legal: str = "C2") -> dict[str, Any]:
    """One episode from entering care to adoption."""
    return {
        "key": key,
        "child_id": child,
        "started_on": dt.date(2014, 6, 1),
        "ended_on": ended,
        "reason_new": "S",
        "legal_status": legal,
        "placement_type": "U6",
        "reason_ceased": "E11",
    }


def plan(child: str, **dates: dt.date | None) -> dict[str, Any]:
    return {"key": f"A-{child}", "child_id": child, "decision_on": dt.date(2015, 1, 1), **dates}


FRAMES = build(
    cla_episode=[
        adopted("E1", "C1", dt.date(2016, 6, 1)),
        adopted("E2", "C2", dt.date(2016, 7, 1)),
        # C3's placement order is read from its E1 episode (1 March 2015).
        adopted("E3", "C3", dt.date(2015, 3, 1)) | {"reason_ceased": "X1"},
        adopted("E4", "C3", dt.date(2016, 8, 1), legal="E1")
        | {"started_on": dt.date(2015, 3, 1), "reason_new": "L"},
        adopted("E5", "C4", dt.date(2016, 9, 1)),
        adopted("E6", "C5", dt.date(2016, 10, 1)),
        adopted("E7", "C6", dt.date(2016, 11, 1)),
    ],
    adoption=[
        # C1: order 1 June 2015, match 1 September: 92 days.
        plan(
            "C1",
            placement_order_on=dt.date(2015, 6, 1),
            matched_on=dt.date(2015, 9, 1),
            placed_on=dt.date(2015, 9, 15),
            adoption_order_on=dt.date(2016, 6, 1),
        ),
        # C2: matched before the order: no wait.
        plan(
            "C2",
            placement_order_on=dt.date(2015, 6, 1),
            matched_on=dt.date(2015, 5, 1),
            placed_on=dt.date(2015, 7, 1),
        ),
        # C3: order from the episodes (1 March 2015), match 31 May: 91 days.
        plan("C3", matched_on=dt.date(2015, 5, 31), placed_on=dt.date(2015, 6, 10)),
        # C4: adopted with consent, no placement order: outside the base.
        plan("C4", matched_on=dt.date(2015, 5, 1), placed_on=dt.date(2015, 6, 1)),
        # C5: never placed before the adoption order: outside the base.
        plan("C5", placement_order_on=dt.date(2015, 6, 1), matched_on=dt.date(2015, 7, 1)),
        # C6: placed on the day of the adoption order, not before it: outside the base.
        plan(
            "C6",
            placement_order_on=dt.date(2015, 6, 1),
            matched_on=dt.date(2015, 7, 1),
            placed_on=dt.date(2016, 11, 1),
            adoption_order_on=dt.date(2016, 11, 1),
        ),
    ],
)


def test_only_children_placed_under_an_order_are_averaged():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["E1", "E2", "E3", "E5", "E6", "E7"],
            "denominator": [1.0, 1.0, 1.0, 0.0, 0.0, 0.0],
            "measure": [92.0, 0.0, 91.0, None, None, None],
        }
    )
    assert_frame_equal(rows.select("item", "denominator", "measure"), expected)


def test_value_is_the_mean_of_the_base():
    total, count, value = value_of(DEFINITION, FRAMES, "2016-17")
    assert (total, count) == (183.0, 3.0)
    assert value == 61.0

"""AD-04 A3: children adopted in the period and children still waiting at its end, the share
within 426 days (14 months) of entering care."""

import datetime as dt
from typing import Any

import polars as pl
from polars.testing import assert_frame_equal

from lineofsight.indicators.definitions.adoption_waited_under_14_months_pct import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(
    key: str,
    child: str,
    started: dt.date,
    ended: dt.date | None = None,
    ceased: str | None = None,
    legal: str = "C2",
) -> dict[str, Any]:
    return cla_episode(child, started, ended, key=key, status=legal, ceased=ceased)


def plan(child: str, decided: dt.date, **more: Any) -> dict[str, Any]:
    return {"key": f"A-{child}", "child_id": child, "decision_on": decided, **more}


FRAMES = build(
    cla_episode=[
        # C1: adopted, placed 426 days after entering care: within 14 months.
        episode("E1", "C1", dt.date(2015, 1, 1), dt.date(2016, 9, 1), "E11"),
        # C2: adopted, placed after 427 days: not within.
        episode("E2", "C2", dt.date(2015, 1, 1), dt.date(2016, 10, 1), "E12"),
        # C3: waiting at 31 March 2017 after 303 days in care: within.
        episode("E3", "C3", dt.date(2016, 6, 1)),
        # C4: waiting after 669 days in care: not within.
        episode("E4", "C4", dt.date(2015, 6, 1)),
        # C5: a placement order but no agency decision: not in this measure.
        episode("E5", "C5", dt.date(2016, 1, 1), legal="E1"),
        # C6: the decision ceased before the period's end: not waiting.
        episode("E6", "C6", dt.date(2016, 1, 1)),
        # C7: placed, not yet adopted: neither adopted nor waiting.
        episode("E7", "C7", dt.date(2016, 1, 1)),
    ],
    adoption=[
        plan("C1", dt.date(2015, 6, 1), placed_on=dt.date(2016, 3, 2)),
        plan("C2", dt.date(2015, 6, 1), placed_on=dt.date(2016, 3, 3)),
        plan("C3", dt.date(2016, 9, 1)),
        plan("C4", dt.date(2015, 12, 1)),
        plan("C6", dt.date(2016, 6, 1), ceased_on=dt.date(2017, 1, 1), ceased_reason="RD1"),
        plan("C7", dt.date(2016, 6, 1), placed_on=dt.date(2017, 2, 1)),
    ],
)


def test_adopted_and_waiting_children_are_in_the_base():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    expected = pl.DataFrame(
        {
            "item": ["E1", "E2", "E3", "E4"],
            "numerator": [1.0, 0.0, 1.0, 0.0],
            "denominator": [1.0, 1.0, 1.0, 1.0],
            "on": [
                dt.date(2016, 9, 1),
                dt.date(2016, 10, 1),
                dt.date(2017, 3, 31),
                dt.date(2017, 3, 31),
            ],
        }
    )
    assert_frame_equal(rows.select("item", "numerator", "denominator", "on"), expected)


def test_value_is_the_share_within_14_months():
    assert value_of(DEFINITION, FRAMES, "2016-17") == (2.0, 4.0, 50.0)

"""AD-07 children looked after at the period's end with an adoption decision or placement
order, not yet placed for adoption."""

import datetime as dt
from typing import Any

from lineofsight.indicators.definitions.children_waiting_for_adoption import DEFINITION
from lineofsight.indicators.tests.definitions._looked_after_frames import episode as cla_episode
from lineofsight.indicators.tests.frames import build, counted_rows, value_of


def episode(
    key: str,
    child: str,
    started: dt.date,
    placement: str = "U6",
    legal: str = "C2",
    ended: dt.date | None = None,
    ceased: str | None = None,
    new: str = "S",
) -> dict[str, Any]:
    return cla_episode(
        child, started, ended, key=key, reason=new, status=legal, place=placement, ceased=ceased
    )


def plan(child: str, decided: dt.date, **more: Any) -> dict[str, Any]:
    return {"key": f"A-{child}", "child_id": child, "decision_on": decided, **more}


FRAMES = build(
    cla_episode=[
        episode("E1", "C1", dt.date(2016, 1, 1)),
        episode("E2", "C2", dt.date(2016, 1, 1)),
        # C3 moved to an A6 placement on 1 March 2017 (no date placed on the record).
        episode("E3", "C3", dt.date(2016, 1, 1), ended=dt.date(2017, 3, 1), ceased="X1"),
        episode("E4", "C3", dt.date(2017, 3, 1), placement="A6", legal="E1", new="P"),
        # C4: a placement order, no adoption record.
        episode("E5", "C4", dt.date(2016, 1, 1), legal="E1"),
        episode("E6", "C5", dt.date(2016, 1, 1)),
        # C6 left care to a child arrangements order on 1 January 2017.
        episode("E7", "C6", dt.date(2016, 1, 1), ended=dt.date(2017, 1, 1), ceased="E41"),
        episode("E8", "C7", dt.date(2016, 1, 1)),
    ],
    adoption=[
        # C1: decided, not placed: waiting.
        plan("C1", dt.date(2016, 10, 1)),
        # C2: placed on 1 February 2017.
        plan("C2", dt.date(2016, 10, 1), placed_on=dt.date(2017, 2, 1)),
        plan("C3", dt.date(2016, 10, 1)),
        # C5: the decision ceased on 31 March 2017: not waiting at that day's end.
        plan("C5", dt.date(2016, 10, 1), ceased_on=dt.date(2017, 3, 31), ceased_reason="RD3"),
        # C6: decided, but no longer looked after from 1 January 2017.
        plan("C6", dt.date(2016, 10, 1)),
        # C7: decided after the period's end.
        plan("C7", dt.date(2017, 4, 2)),
    ],
)


def test_children_waiting_at_the_end_of_the_year():
    rows = counted_rows(DEFINITION, FRAMES, "2016-17")
    assert rows.select("item", "numerator", "on").rows() == [
        ("C1", 1.0, dt.date(2017, 3, 31)),
        ("C4", 1.0, dt.date(2017, 3, 31)),
    ]


def test_each_month_end_is_a_snapshot():
    rows = counted_rows(DEFINITION, FRAMES, "2017-01", "2017-03")
    assert rows.select("period", "item").rows() == [
        ("2017-01", "C1"),
        ("2017-01", "C2"),
        ("2017-01", "C3"),
        ("2017-01", "C4"),
        ("2017-01", "C5"),
        ("2017-03", "C1"),
        ("2017-03", "C4"),
    ]


def test_value_is_the_number_waiting():
    assert value_of(DEFINITION, FRAMES, "2016-17")[2] == 2.0

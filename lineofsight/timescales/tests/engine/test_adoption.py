"""Adoption obligations from tiny frames: T-70, T-71 and T-74."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for

CHILD = {"child_id": "C1", "born_on": D(2014, 6, 1)}


def episode(
    key: str, started: dt.date, ended: dt.date | None = None, reason_new: str = "S"
) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": "C1",
        "started_on": started,
        "ended_on": ended,
        "reason_new": reason_new,
        "legal_status": "C2",
        "placement_type": "U3",
    }


def plan(**dates: dt.date) -> dict[str, Any]:
    return {"key": "ADO-1", "child_id": "C1", **dates}


def row(rule: str, frames: dict[str, Any], as_of: dt.date) -> tuple[Any, ...]:
    (found,) = rows_for(rule, frames, as_of=as_of)
    return (found["start_key"], found["start_on"], found["due_on"], found["status"])


# In care from 1 Jan 2015 (moved to a new placement on 1 May: the same period of care).
PERIOD = [episode("E1", D(2015, 1, 1), D(2015, 5, 1)), episode("E2", D(2015, 5, 1), reason_new="P")]


def test_adoption_clocks_met_on_time_and_late() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=PERIOD,
        adoption=[
            plan(
                decision_on=D(2015, 6, 1),
                placement_order_on=D(2015, 9, 1),
                matched_on=D(2015, 12, 15),
                placed_on=D(2016, 3, 1),
            )
        ],
    )
    as_of = D(2016, 6, 1)
    # 426 days from entering care (1 Jan 2015, 2015 not a leap year): 2 Mar 2016; placed 1 Mar.
    assert row("T-70", frames, as_of) == ("E1", D(2015, 1, 1), D(2016, 3, 2), "met_on_time")
    # 121 days from the placement order (1 Sep): 31 Dec 2015; matched 15 Dec.
    assert row("T-71", frames, as_of) == ("ADO-1", D(2015, 9, 1), D(2015, 12, 31), "met_on_time")
    # 6 months from the decision (1 Jun): 1 Dec 2015; matched 15 Dec: late.
    assert row("T-74", frames, as_of) == ("ADO-1", D(2015, 6, 1), D(2015, 12, 1), "met_late")


def test_unmatched_after_placement_order_is_overdue_and_unknown_before_the_decision() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=PERIOD,
        adoption=[plan(decision_on=D(2016, 6, 1), placement_order_on=D(2016, 9, 1))],
    )
    as_of = D(2017, 3, 31)
    assert row("T-71", frames, as_of) == ("ADO-1", D(2016, 9, 1), D(2016, 12, 31), "overdue")
    assert row("T-74", frames, as_of) == ("ADO-1", D(2016, 6, 1), D(2016, 12, 1), "overdue")
    assert row("T-70", frames, as_of) == ("E1", D(2015, 1, 1), D(2016, 3, 2), "overdue")
    # Before the decision nobody knew the child would be adopted: no adoption clocks.
    for rule in ("T-70", "T-71", "T-74"):
        assert rows_for(rule, frames, as_of=D(2016, 5, 31)) == []


def test_a_plan_that_ceased_closes_its_clocks() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=PERIOD,
        adoption=[plan(decision_on=D(2016, 2, 1), ceased_on=D(2016, 5, 1))],
    )
    as_of = D(2017, 3, 31)
    # T-70 fell due (2 Mar 2016) before the plan ceased, unmet: missed.
    assert row("T-70", frames, as_of) == ("E1", D(2015, 1, 1), D(2016, 3, 2), "missed")
    # T-74 was not due until 1 Aug 2016, after the plan ceased on 1 May: it lapsed.
    assert rows_for("T-74", frames, as_of=as_of) == []
    # Before the plan ceased, T-74 was still running.
    assert row("T-74", frames, D(2016, 4, 1)) == (
        "ADO-1",
        D(2016, 2, 1),
        D(2016, 8, 1),
        "not_yet_due",
    )


def test_a_decision_outside_any_period_of_care_starts_no_a1_clock() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[episode("E1", D(2015, 1, 1), D(2015, 4, 1))],
        adoption=[plan(decision_on=D(2015, 6, 1), matched_on=D(2015, 10, 1))],
    )
    assert rows_for("T-70", frames, as_of=D(2016, 6, 1)) == []
    assert row("T-74", frames, D(2016, 6, 1)) == (
        "ADO-1",
        D(2015, 6, 1),
        D(2015, 12, 1),
        "met_on_time",
    )

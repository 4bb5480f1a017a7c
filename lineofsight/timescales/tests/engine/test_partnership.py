"""Complaint obligations (T-93, T-94, T-95) from tiny frames."""

from __future__ import annotations

from typing import Any

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for


def complaint(key: str, stage: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "child_id": "C1", "received_on": D(2017, 12, 22), "stage": stage, **extra}


def test_each_stage_has_its_own_working_day_allowance() -> None:
    # All received Fri 22 Dec 2017 (25, 26 Dec and 1 Jan are bank holidays).
    # Stage 1, 10 working days: Wed 10 Jan 2018; answered that day, on time.
    # Stage 2, 25 working days: Wed 31 Jan; answered Thu 1 Feb, late by a day.
    # Stage 3, 30 working days: Wed 7 Feb; answered 5 Feb, on time.
    frames = journey_frames(
        complaint=[
            complaint("CMP-1", "1", responded_on=D(2018, 1, 10)),
            complaint("CMP-2", "2", responded_on=D(2018, 2, 1)),
            complaint("CMP-3", "3", responded_on=D(2018, 2, 5)),
        ]
    )
    found = {
        rule: [(r["start_key"], r["due_on"], r["met_kind"], r["status"]) for r in rows]
        for rule in ("T-93", "T-94", "T-95")
        if (rows := rows_for(rule, frames, as_of=D(2018, 3, 31)))
    }
    assert found == {
        "T-93": [("CMP-1", D(2018, 1, 10), "complaint_response", "met_on_time")],
        "T-94": [("CMP-2", D(2018, 1, 31), "complaint_response", "met_late")],
        "T-95": [("CMP-3", D(2018, 2, 7), "complaint_response", "met_on_time")],
    }


def test_unanswered_complaint_is_overdue_even_without_a_child() -> None:
    # A stage 1 complaint about the service (no child) received 22 Dec 2017 and not answered
    # by Mon 15 Jan 2018 is overdue by 5 days (due Wed 10 Jan); it is still counted.
    frames = journey_frames(complaint=[complaint("CMP-1", "1", child_id=None)])
    (row,) = rows_for("T-93", frames, as_of=D(2018, 1, 15))
    assert (row["child_id"], row["status"], row["days_overdue"]) == (None, "overdue", 5)
    # And a response after as_of is not yet known.
    later = journey_frames(complaint=[complaint("CMP-1", "1", responded_on=D(2018, 1, 20))])
    (row,) = rows_for("T-93", later, as_of=D(2018, 1, 15))
    assert (row["met_on"], row["status"]) == (None, "overdue")

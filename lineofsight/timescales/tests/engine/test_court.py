"""Court obligations (T-24 care proceedings, T-25 pre-proceedings) from tiny frames."""

from __future__ import annotations

from typing import Any

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for


def proceeding(key: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "child_id": "C1", "kind": kind, "started_on": D(2017, 1, 2), **extra}


def test_care_proceedings_within_26_weeks_on_time_late_and_overdue() -> None:
    # Each application issued Mon 2 Jan 2017: 26 weeks (182 days) later is Mon 3 Jul 2017.
    # LEG-1 concluded that day (on time); LEG-2 the next day (late by 1); LEG-3 is still
    # running on 31 Jul (overdue by 28 days). A placement order application is not care
    # proceedings and makes no T-24 clock.
    frames = journey_frames(
        legal_proceeding=[
            proceeding("LEG-1", "care", ended_on=D(2017, 7, 3)),
            proceeding("LEG-2", "care", ended_on=D(2017, 7, 4)),
            proceeding("LEG-3", "care"),
            proceeding("LEG-4", "placement_order"),
        ]
    )
    rows = sorted(rows_for("T-24", frames, as_of=D(2017, 7, 31)), key=lambda r: r["start_key"])
    assert [
        (r["start_key"], r["due_on"], r["met_kind"], r["status"], r["days_overdue"]) for r in rows
    ] == [
        ("LEG-1", D(2017, 7, 3), "care_concluded", "met_on_time", 0),
        ("LEG-2", D(2017, 7, 3), "care_concluded", "met_late", 1),
        ("LEG-3", D(2017, 7, 3), None, "overdue", 28),
    ]


def test_pre_proceedings_within_16_weeks() -> None:
    # Started Mon 2 Jan 2017: 16 weeks (112 days) later is Mon 24 Apr. PRE-1 ended 21 Apr (on
    # time); PRE-2 ended 2 May (late by 8 days).
    frames = journey_frames(
        legal_proceeding=[
            proceeding("PRE-1", "pre_proceedings", ended_on=D(2017, 4, 21)),
            proceeding("PRE-2", "pre_proceedings", ended_on=D(2017, 5, 2)),
        ]
    )
    rows = sorted(rows_for("T-25", frames, as_of=D(2017, 7, 31)), key=lambda r: r["start_key"])
    assert [(r["start_key"], r["due_on"], r["status"], r["days_overdue"]) for r in rows] == [
        ("PRE-1", D(2017, 4, 24), "met_on_time", 0),
        ("PRE-2", D(2017, 4, 24), "met_late", 8),
    ]


def test_an_end_after_as_of_is_not_yet_known() -> None:
    # On 1 Apr 2017 the proceedings that end on 3 Jul are simply running, not yet due.
    frames = journey_frames(legal_proceeding=[proceeding("LEG-1", "care", ended_on=D(2017, 7, 3))])
    (row,) = rows_for("T-24", frames, as_of=D(2017, 4, 1))
    assert (row["met_on"], row["status"]) == (None, "not_yet_due")

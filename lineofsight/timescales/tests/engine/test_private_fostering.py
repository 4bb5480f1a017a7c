"""Private fostering obligations (T-80, T-83, T-84, T-85) from tiny frames."""

from __future__ import annotations

from typing import Any

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for


def arrangement(key: str = "PF-1", child_id: str = "C1", **extra: Any) -> dict[str, Any]:
    return {"key": key, "child_id": child_id, **extra}


def visit(key: str, on: Any, child_id: str = "C1", kind: str = "private_fostering") -> Any:
    return {"key": key, "child_id": child_id, "kind": kind, "visited_on": on}


def test_notice_at_least_six_weeks_before_the_start() -> None:
    # Both arrangements start Thu 1 Sep 2016, so notice is due 42 days earlier, Thu 21 Jul.
    # PF-1 was notified on 21 Jul (on time); PF-2 on 22 Jul (a day late). PF-3 is notified
    # only after as_of: the authority does not know of it yet, so it has no obligations.
    frames = journey_frames(
        private_fostering_arrangement=[
            arrangement("PF-1", "C1", notified_on=D(2016, 7, 21), started_on=D(2016, 9, 1)),
            arrangement("PF-2", "C2", notified_on=D(2016, 7, 22), started_on=D(2016, 9, 1)),
            arrangement("PF-3", "C3", notified_on=D(2016, 10, 3), started_on=D(2016, 9, 1)),
        ]
    )
    rows = sorted(rows_for("T-80", frames, as_of=D(2016, 9, 30)), key=lambda r: r["start_key"])
    assert [
        (r["start_kind"], r["start_key"], r["start_on"], r["due_on"], r["status"]) for r in rows
    ] == [
        ("arrangement", "PF-1", D(2016, 7, 21), D(2016, 7, 21), "met_on_time"),
        ("arrangement", "PF-2", D(2016, 7, 21), D(2016, 7, 21), "met_late"),
    ]
    assert rows[1]["met_kind"] == "notified"


def test_visits_first_in_7_working_days_then_6_weekly_then_12_weekly_after_a_year() -> None:
    # Notified Mon 4 Jan 2016 (the first year runs to 3 Jan 2017, reg 8(6)).
    # T-83: 7 working days, due Wed 13 Jan; visited that day: on time. (The visit on 2 Jan,
    #   before the authority knew, does not count.)
    # T-84 from 13 Jan: due 24 Feb; visited 26 Feb: late.
    # T-84 from 26 Feb: due 8 Apr; next visit 20 Dec: late.
    # T-84 from 20 Dec 2016 (still the first year): due 31 Jan 2017; visited 10 Jan: on time.
    # T-85 from 10 Jan 2017 (second year): 12 weeks, due 4 Apr; none by 10 Apr: overdue.
    frames = journey_frames(
        private_fostering_arrangement=[
            arrangement(notified_on=D(2016, 1, 4), started_on=D(2015, 12, 20)),
        ],
        visit=[
            visit("V0", D(2016, 1, 2)),
            visit("V1", D(2016, 1, 13)),
            visit("V2", D(2016, 2, 26)),
            visit("VX", D(2016, 3, 1), kind="cin"),  # not a private fostering visit
            visit("V3", D(2016, 12, 20)),
            visit("V4", D(2017, 1, 10)),
        ],
    )
    as_of = D(2017, 4, 10)
    rows = [row for rule in ("T-83", "T-84", "T-85") for row in rows_for(rule, frames, as_of=as_of)]
    assert [
        (r["rule"], r["child_id"], r["start_key"], r["due_on"], r["met_key"], r["status"])
        for r in rows
    ] == [
        ("T-83", "C1", "PF-1", D(2016, 1, 13), "V1", "met_on_time"),
        ("T-84", "C1", "V1", D(2016, 2, 24), "V2", "met_late"),
        ("T-84", "C1", "V2", D(2016, 4, 8), "V3", "met_late"),
        ("T-84", "C1", "V3", D(2017, 1, 31), "V4", "met_on_time"),
        ("T-85", "C1", "V4", D(2017, 4, 4), None, "overdue"),
    ]
    assert rows[0]["start_kind"] == "notification"


def test_visit_clock_lapses_on_the_12_week_due_date_when_the_arrangement_ends() -> None:
    # As above to V4 (10 Jan 2017, second year: next due 4 Apr). The arrangement ended on
    # 1 Mar, after a 6-week interval would have fallen due (21 Feb) but before the 12-week one:
    # the visit was no longer owed, so there is no row from V4.
    frames = journey_frames(
        private_fostering_arrangement=[
            arrangement(
                notified_on=D(2016, 1, 4), started_on=D(2015, 12, 20), ended_on=D(2017, 3, 1)
            ),
        ],
        visit=[visit("V3", D(2016, 12, 20)), visit("V4", D(2017, 1, 10))],
    )
    assert rows_for("T-85", frames, as_of=D(2017, 6, 1)) == []
    assert [r["start_key"] for r in rows_for("T-84", frames, as_of=D(2017, 6, 1))] == ["V3"]

"""Looked-after obligations from tiny frames: periods of care, placements and each CLA rule."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from lineofsight.timescales.domain.engine.periods import periods_of_care, placements
from lineofsight.timescales.tests.builders import D, journey_frames, rows_for

LONDON = ZoneInfo("Europe/London")
CHILD = {"child_id": "C1", "born_on": D(2006, 5, 1)}  # aged 10 in December 2016


def episode(
    key: str, started: dt.date, ended: dt.date | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": "C1",
        "started_on": started,
        "ended_on": ended,
        "reason_new": "S",
        "legal_status": "C2",
        "placement_type": "U3",
        **extra,
    }


def review(key: str, held: dt.date, child: str = "C1") -> dict[str, Any]:
    return {"key": key, "child_id": child, "held_on": held}


def brief(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["rule"], r["start_key"], r["due_on"], r["met_key"], r["status"]) for r in rows]


# ---------------------------------------------------------------- periods and placements


def test_adjacent_episodes_make_one_period_and_l_episodes_continue_a_placement() -> None:
    frames = journey_frames(
        cla_episode=[
            episode("E1", D(2016, 1, 4), D(2016, 2, 1)),
            episode("E2", D(2016, 2, 1), D(2016, 3, 1), reason_new="L", legal_status="C1"),
            episode("E3", D(2016, 3, 1), D(2016, 4, 1), reason_new="P", placement_type="K2"),
            # a day's gap: a new period of care
            episode("E4", D(2016, 4, 2)),
            # a short break never joins an ordinary period
            episode("E5", D(2016, 1, 8), D(2016, 1, 10), legal_status="V3"),
        ]
    )
    periods = periods_of_care(frames["cla_episode"], as_of=D(2016, 12, 31))
    assert periods.select("period_key", "started_on", "ended_on").rows() == [
        ("E1", D(2016, 1, 4), D(2016, 4, 1)),
        ("E4", D(2016, 4, 2), None),
    ]
    placed = placements(frames["cla_episode"], as_of=D(2016, 12, 31))
    assert placed.select("placement_key", "period_key", "ended_on", "placement_type").rows() == [
        ("E1", "E1", D(2016, 3, 1), "U3"),  # E2 (legal status only) continues it
        ("E3", "E1", D(2016, 4, 1), "K2"),
        ("E4", "E4", None, "U3"),
    ]
    # On 15 Feb 2016 E2's end is not yet known: the period is open.
    early = periods_of_care(frames["cla_episode"], as_of=D(2016, 2, 15))
    assert early.select("period_key", "ended_on").rows() == [("E1", None)]


# ---------------------------------------------------------------- reviews T-39/T-40/T-41


def test_first_review_worked_example_due_20_working_days_after_20_december_2016() -> None:
    # timescales.md §1.2: looked after from Tue 20 Dec 2016 → first review by Fri 20 Jan 2017
    # (26-27 Dec 2016 and 2 Jan 2017 are bank holidays). A placement move on 10 Jan does not
    # restart the period, so the chain runs from E1's start.
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[
            episode("E1", D(2016, 12, 20), D(2017, 1, 10)),
            episode("E2", D(2017, 1, 10), reason_new="P"),
        ],
        cla_review=[review("R1", D(2017, 1, 20))],
    )
    (first,) = rows_for("T-39", frames, as_of=D(2017, 3, 31))
    assert (first["start_key"], first["due_on"], first["met_key"], first["status"]) == (
        "E1",
        D(2017, 1, 20),
        "R1",
        "met_on_time",  # held on the last allowed day
    )
    # The second review is due 3 months after the actual first one.
    (second,) = rows_for("T-40", frames, as_of=D(2017, 3, 31))
    assert (second["start_key"], second["due_on"], second["status"]) == (
        "R1",
        D(2017, 4, 20),
        "not_yet_due",
    )


def test_first_review_a_working_day_late() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[episode("E1", D(2016, 12, 20))],
        cla_review=[review("R1", D(2017, 1, 23))],  # the Monday after the due Friday
    )
    (first,) = rows_for("T-39", frames, as_of=D(2017, 3, 31))
    assert (first["status"], first["days_overdue"]) == ("met_late", 3)


def test_review_chain_across_christmas_runs_from_each_actual_review() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[episode("E1", D(2016, 12, 5))],
        cla_review=[
            review("R1", D(2017, 1, 5)),
            review("R2", D(2017, 4, 4)),
            review("R3", D(2017, 6, 25)),
            review("R4", D(2017, 12, 27)),
        ],
    )
    rows = [
        *rows_for("T-39", frames, as_of=D(2018, 7, 2)),
        *rows_for("T-40", frames, as_of=D(2018, 7, 2)),
        *rows_for("T-41", frames, as_of=D(2018, 7, 2)),
    ]
    assert brief(rows) == [
        # Mon 5 Dec 2016 + 20 working days skips Boxing Day (Mon 26), the Christmas substitute
        # (Tue 27) and the New Year substitute (Mon 2 Jan): Thu 5 Jan 2017. R1 that day: on time.
        ("T-39", "E1", D(2017, 1, 5), "R1", "met_on_time"),
        # 3 calendar months from R1's actual date: 5 Apr; R2 a day early.
        ("T-40", "R1", D(2017, 4, 5), "R2", "met_on_time"),
        # 6 months from R2 (4 Oct); R3 held early, so the next runs from R3, not from 4 Oct.
        ("T-41", "R2", D(2017, 10, 4), "R3", "met_on_time"),
        # Calendar months ignore holidays: due on Christmas Day itself, held 27 Dec: late.
        ("T-41", "R3", D(2017, 12, 25), "R4", "met_late"),
        # 6 months from R4, nothing held by 2 Jul 2018 and the child is still looked after.
        ("T-41", "R4", D(2018, 6, 27), None, "overdue"),
    ]


def test_reviews_missed_when_due_before_the_period_ended_and_lapse_when_after() -> None:
    frames = journey_frames(
        child=[CHILD, {"child_id": "C2", "born_on": D(2010, 1, 1)}],
        cla_episode=[
            # due Mon 1 Feb 2016, never held, the period ran past it: missed
            episode("E1", D(2016, 1, 4), D(2016, 3, 1), reason_ceased="E4A"),
            # C2 went home before the review fell due: nothing was owed
            {**episode("E2", D(2016, 1, 4), D(2016, 1, 20)), "child_id": "C2"},
        ],
    )
    rows = rows_for("T-39", frames, as_of=D(2016, 6, 1))
    assert [(r["child_id"], r["due_on"], r["status"]) for r in rows] == [
        ("C1", D(2016, 2, 1), "missed"),
    ]


# ---------------------------------------------------------------- T-43 short breaks


def test_short_break_reviews_run_across_a_series_of_breaks() -> None:
    frames = journey_frames(
        child=[CHILD, {"child_id": "C2", "born_on": D(2008, 1, 1)}],
        cla_episode=[
            # C1: monthly V3 breaks, one series; no ordinary period, so no T-39
            episode("B1", D(2016, 1, 8), D(2016, 1, 10), legal_status="V3"),
            episode("B2", D(2016, 2, 5), D(2016, 2, 7), legal_status="V3"),
            episode("B3", D(2016, 3, 4), D(2016, 3, 6), legal_status="V3"),
            # C2: a V4 agreement recorded as one episode for the year
            {**episode("A1", D(2016, 1, 1), D(2016, 12, 31), legal_status="V4"), "child_id": "C2"},
        ],
        cla_review=[
            review("R1", D(2016, 4, 1)),  # between breaks: still within C1's series
            review("R2", D(2016, 4, 15), child="C2"),
        ],
    )
    rows = rows_for("T-43", frames, as_of=D(2016, 12, 1))
    assert brief(rows) == [
        # C2: 3 months from 1 Jan is 1 Apr; held 15 Apr: late.
        ("T-43", "A1", D(2016, 4, 1), "R2", "met_late"),
        # C1: 3 months from the first break (8 Jan), R1 on 1 Apr: on time.
        ("T-43", "B1", D(2016, 4, 8), "R1", "met_on_time"),
        # C2: 6 months from R2, the agreement still running on 1 Dec: overdue.
        ("T-43", "R2", D(2016, 10, 15), None, "overdue"),
        # C1's next (due 1 Oct) lapsed: no break for six months after 6 Mar ended the series.
    ]
    assert rows_for("T-39", frames, as_of=D(2016, 12, 1)) == []
    # On 1 Aug another break could still come, so C1's series reads as running.
    later = rows_for("T-43", frames, as_of=D(2016, 8, 1))
    assert ("T-43", "R1", D(2016, 10, 1), None, "not_yet_due") in brief(later)


# ---------------------------------------------------------------- visits T-30/T-32/T-33


def visit(key: str, on: dt.date, child: str = "C1", kind: str = "cla") -> dict[str, Any]:
    return {"key": key, "child_id": child, "kind": kind, "visited_on": on}


def test_standard_visits_restart_with_each_placement_but_not_a_legal_status_change() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[
            episode("E1", D(2017, 1, 2), D(2017, 1, 20)),
            episode("E2", D(2017, 1, 20), D(2017, 3, 1), reason_new="L", legal_status="C1"),
            episode("E3", D(2017, 3, 1), reason_new="P", placement_type="K2"),
        ],
        visit=[
            visit("V1", D(2017, 1, 6)),
            visit("V2", D(2017, 2, 20)),
            visit("V3", D(2017, 3, 10)),
            visit("CIN", D(2017, 3, 8), kind="cin"),  # not a looked-after visit
        ],
    )
    rows = rows_for("T-30", frames, as_of=D(2017, 3, 31))
    assert brief(rows) == [
        # within a week of the placement (2 Jan): V1 on 6 Jan
        ("T-30", "E1", D(2017, 1, 9), "V1", "met_on_time"),
        # 6 weeks from V1 (17 Feb), across E2's change of legal status: V2 on 20 Feb, late
        ("T-30", "V1", D(2017, 2, 17), "V2", "met_late"),
        # (6 weeks from V2 falls after the move on 1 Mar: that clock lapsed)
        # the move to E3 restarts the clock: a week from 1 Mar, V3 on 10 Mar, late
        ("T-30", "E3", D(2017, 3, 8), "V3", "met_late"),
        ("T-30", "V3", D(2017, 4, 21), None, "not_yet_due"),
    ]


def test_placed_with_parents_under_interim_order_weekly_then_four_weekly() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[episode("E1", D(2017, 1, 2), placement_type="P1", legal_status="C1")],
        visit=[
            visit("V1", D(2017, 1, 6)),
            visit("V2", D(2017, 1, 13)),
            visit("V3", D(2017, 2, 16)),
        ],
    )
    assert rows_for("T-30", frames, as_of=D(2017, 3, 31)) == []
    assert brief(rows_for("T-32", frames, as_of=D(2017, 3, 31))) == [
        ("T-32", "E1", D(2017, 1, 9), "V1", "met_on_time"),  # a week from the placement
        ("T-32", "V1", D(2017, 1, 13), "V2", "met_on_time"),  # a week from V1, on the day
        ("T-32", "V2", D(2017, 2, 10), "V3", "met_late"),  # then 4 weeks: V3 6 days late
        ("T-32", "V3", D(2017, 3, 16), None, "overdue"),
    ]


def test_placed_with_parents_under_full_care_order_six_weekly() -> None:
    frames = journey_frames(
        child=[CHILD],
        cla_episode=[episode("E1", D(2017, 1, 2), placement_type="P1", legal_status="C2")],
        visit=[visit("V1", D(2017, 1, 9))],
    )
    assert brief(rows_for("T-33", frames, as_of=D(2017, 3, 31))) == [
        ("T-33", "E1", D(2017, 1, 9), "V1", "met_on_time"),  # on the 7th day
        ("T-33", "V1", D(2017, 2, 20), None, "overdue"),  # 6 weeks, no visit by 31 Mar
    ]


# ---------------------------------------------------------------- health T-45/T-46


def check(key: str, kind: str, on: dt.date, child: str = "C1") -> dict[str, Any]:
    return {"key": key, "child_id": child, "kind": kind, "done_on": on}


def test_initial_health_assessment_within_20_working_days() -> None:
    frames = journey_frames(
        child=[CHILD, {"child_id": "C2", "born_on": D(2012, 1, 1)}],
        cla_episode=[
            episode("E1", D(2016, 12, 20)),
            {**episode("E2", D(2016, 12, 20)), "child_id": "C2"},
        ],
        health_check=[
            check("H1", "iha", D(2017, 1, 20)),  # C1: on the due date
            check("H2", "rha", D(2017, 1, 10), child="C2"),  # a review does not meet T-45
            check("H3", "iha", D(2017, 1, 23), child="C2"),  # C2: the next working day
        ],
    )
    rows = rows_for("T-45", frames, as_of=D(2017, 3, 31))
    assert [(r["child_id"], r["due_on"], r["met_key"], r["status"]) for r in rows] == [
        ("C1", D(2017, 1, 20), "H1", "met_on_time"),
        ("C2", D(2017, 1, 20), "H3", "met_late"),
    ]


def test_review_health_assessments_six_monthly_under_five_then_yearly() -> None:
    frames = journey_frames(
        child=[{"child_id": "C1", "born_on": D(2011, 9, 1)}],  # 5 on 1 Sep 2016
        cla_episode=[episode("E1", D(2016, 2, 1))],
        health_check=[
            check("H1", "iha", D(2016, 2, 15)),
            check("H2", "rha", D(2016, 8, 10)),
            check("H3", "rha", D(2017, 3, 1)),
        ],
    )
    assert brief(rows_for("T-46", frames, as_of=D(2017, 3, 31))) == [
        # aged 4 at the IHA: 6 months, met by H2
        ("T-46", "H1", D(2016, 8, 15), "H2", "met_on_time"),
        # still 4 on 10 Aug (5 only on 1 Sep): 6 months again, H3 late
        ("T-46", "H2", D(2017, 2, 10), "H3", "met_late"),
        # 5 on 1 Mar 2017: 12 months
        ("T-46", "H3", D(2018, 3, 1), None, "not_yet_due"),
    ]


# ---------------------------------------------------------------- T-47 SDQ, T-48 dental


def test_sdq_yearly_for_children_aged_4_to_16_and_stops_at_17() -> None:
    frames = journey_frames(
        child=[
            {"child_id": "C1", "born_on": D(2005, 6, 1)},  # 10 a year into care
            {"child_id": "C2", "born_on": D(2013, 6, 1)},  # 2 a year into care: no SDQ
            {"child_id": "C3", "born_on": D(1999, 6, 1)},  # 16 a year into care, 17 on 1 Jun 2016
        ],
        cla_episode=[
            episode("E1", D(2015, 4, 1)),
            {**episode("E2", D(2015, 4, 1)), "child_id": "C2"},
            {**episode("E3", D(2015, 1, 1)), "child_id": "C3"},
        ],
        health_check=[
            check("S1", "sdq", D(2016, 3, 15)),
            check("S3", "sdq", D(2016, 1, 10), child="C3"),
        ],
    )
    rows = rows_for("T-47", frames, as_of=D(2017, 3, 31))
    assert [(r["child_id"], *brief([r])[0][1:]) for r in rows] == [
        # C3: first due a year after the start (1 Jan 2016); S3 on 10 Jan: late. The next
        # (10 Jan 2017) falls after the 17th birthday, so it lapsed.
        ("C3", "E3", D(2016, 1, 1), "S3", "met_late"),
        # C1: first due 1 Apr 2016, S1 on 15 Mar: on time; then a year from S1: overdue.
        ("C1", "E1", D(2016, 4, 1), "S1", "met_on_time"),
        ("C1", "S1", D(2017, 3, 15), None, "overdue"),
    ]


def test_dental_check_yearly_lapses_when_the_period_ends() -> None:
    frames = journey_frames(
        child=[CHILD, {"child_id": "C2", "born_on": D(2009, 1, 1)}],
        cla_episode=[
            episode("E1", D(2015, 4, 1), D(2017, 2, 1)),
            {**episode("E2", D(2015, 4, 1)), "child_id": "C2"},
        ],
        health_check=[
            check("D1", "dental", D(2016, 4, 1)),
            check("D2", "dental", D(2016, 4, 5), child="C2"),
        ],
    )
    rows = rows_for("T-48", frames, as_of=D(2017, 6, 1))
    assert [(r["child_id"], *brief([r])[0][1:]) for r in rows] == [
        ("C1", "E1", D(2016, 4, 1), "D1", "met_on_time"),  # 12 months to the day
        ("C2", "E2", D(2016, 4, 1), "D2", "met_late"),
        # C1's next (1 Apr 2017) lapsed: the period ended on 1 Feb 2017
        ("C2", "D2", D(2017, 4, 5), None, "overdue"),
    ]


# ---------------------------------------------------------------- PEPs T-50/T-51


def test_pep_within_20_school_days_then_every_4_months_for_school_age_children() -> None:
    frames = journey_frames(
        child=[
            CHILD,
            {"child_id": "C2", "born_on": D(2013, 1, 1)},  # 3 at the start: no PEP clock
            {"child_id": "C3", "born_on": D(2008, 1, 1)},
        ],
        cla_episode=[
            episode("E1", D(2016, 12, 5)),
            {**episode("E2", D(2016, 12, 5)), "child_id": "C2"},
            {**episode("E3", D(2016, 12, 5)), "child_id": "C3"},
        ],
        education_plan=[
            {"key": "P1", "child_id": "C1", "done_on": D(2017, 1, 5)},
            {"key": "P3", "child_id": "C3", "done_on": D(2017, 1, 9)},
        ],
    )
    rows = [
        *rows_for("T-50", frames, as_of=D(2017, 6, 1)),
        *rows_for("T-51", frames, as_of=D(2017, 6, 1)),
    ]
    assert [(r["child_id"], *brief([r])[0]) for r in rows] == [
        # 20 school days (counted as working days) over Christmas: Thu 5 Jan 2017
        ("C1", "T-50", "E1", D(2017, 1, 5), "P1", "met_on_time"),
        ("C3", "T-50", "E3", D(2017, 1, 5), "P3", "met_late"),
        # 4 months from each actual PEP; none since, by 1 Jun
        ("C1", "T-51", "P1", D(2017, 5, 5), None, "overdue"),
        ("C3", "T-51", "P3", D(2017, 5, 9), None, "overdue"),
    ]


# ---------------------------------------------------------------- T-58 return interviews


def at(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def missing(key: str, ended: dt.datetime, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "child_id": "C1",
        "kind": "M",
        "started_at": ended - dt.timedelta(hours=10),
        "ended_at": ended,
        "return_interview_offered": True,
        **extra,
    }


def test_return_interview_within_72_hours_of_the_return() -> None:
    returned = at(2017, 3, 1, 21, 30)
    frames = journey_frames(
        child=[CHILD],
        missing_episode=[
            # 71.5 hours after the return: on time
            missing("M1", returned, return_interview_done_at=at(2017, 3, 4, 21, 0)),
            # the same due date, but 30 minutes past the 72 hours: late
            missing("M2", returned, return_interview_done_at=at(2017, 3, 4, 22, 0)),
            # offered and declined, with no interview: met at the return, noted
            missing("M3", returned, return_interview_accepted=False),
            # offered, nothing recorded since: overdue
            missing("M4", returned),
            # away from placement (not missing) owes no return interview
            missing("A1", returned, kind="A", return_interview_offered=None),
        ],
    )
    rows = sorted(rows_for("T-58", frames, as_of=D(2017, 3, 31)), key=lambda r: r["start_key"])
    assert [(r["start_key"], r["due_on"], r["status"], r["note"]) for r in rows] == [
        ("M1", D(2017, 3, 4), "met_on_time", None),
        ("M2", D(2017, 3, 4), "met_late", None),
        ("M3", D(2017, 3, 4), "met_on_time", "offered and declined; time of offer not recorded"),
        ("M4", D(2017, 3, 4), "overdue", None),
    ]
    # due_at is 72 hours after the return (stored as UTC: London is on GMT in March)
    assert rows[0]["due_at"] == dt.datetime(2017, 3, 4, 21, 30)


def test_return_interview_after_as_of_is_not_yet_known() -> None:
    frames = journey_frames(
        child=[CHILD],
        missing_episode=[
            missing("M1", at(2017, 3, 30, 9, 0), return_interview_done_at=at(2017, 4, 1, 10, 0))
        ],
    )
    (row,) = rows_for("T-58", frames, as_of=D(2017, 3, 31))
    assert (row["met_on"], row["status"]) == (None, "due_soon")

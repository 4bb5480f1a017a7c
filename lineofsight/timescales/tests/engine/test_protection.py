"""Child protection obligations (T-11, T-12, T-16 to T-21) from tiny frames."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for

CHILD = "C1"


def referral(key: str = "REF-1", **extra: Any) -> dict[str, Any]:
    return {"key": key, "child_id": CHILD, "referred_on": D(2017, 4, 12), **extra}


def enquiry(key: str = "S47-1", referral_id: str = "REF-1", **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "referral_id": referral_id,
        "strategy_discussion_id": "SD-1",
        "started_on": D(2017, 4, 13),
        "icpc_not_required": False,
        **extra,
    }


def initial(key: str, held_on: dt.date, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "referral_id": "REF-1",
        "section47_enquiry_id": "S47-1",
        "kind": "initial",
        "held_on": held_on,
        "outcome": "no_plan",
        **extra,
    }


DISCUSSION = {"key": "SD-1", "referral_id": "REF-1", "held_on": D(2017, 4, 13)}


# ---- T-12 initial child protection conference -------------------------------------------


def test_icpc_worked_example_due_9_may_and_met_on_time() -> None:
    # timescales.md §1.2: a strategy discussion on Thu 13 Apr 2017 makes the ICPC due on
    # Tue 9 May 2017 (Good Friday, Easter Monday and the early May holiday skipped). The
    # conference linked to the enquiry is held that day: on time.
    frames = journey_frames(
        referral=[referral()],
        strategy_discussion=[DISCUSSION],
        section47_enquiry=[enquiry(completed_on=D(2017, 5, 2))],
        conference=[initial("CONF-1", D(2017, 5, 9))],
    )
    (row,) = rows_for("T-12", frames, as_of=D(2017, 6, 30))
    assert (row["start_kind"], row["start_key"], row["start_on"]) == (
        "section47_enquiry",
        "S47-1",
        D(2017, 4, 13),
    )
    assert row["due_on"] == D(2017, 5, 9)
    assert (row["met_kind"], row["met_key"], row["status"]) == (
        "initial_conference",
        "CONF-1",
        "met_on_time",
    )
    assert row["note"] is None  # counted from the linked strategy discussion


def test_icpc_counts_from_the_strategy_discussion_not_the_later_enquiry_start() -> None:
    # The S47 is recorded as starting on 20 Apr, but the discussion that initiated it was on
    # 13 Apr: the clock runs from 13 Apr, so a conference on Wed 10 May is a day late.
    frames = journey_frames(
        referral=[referral()],
        strategy_discussion=[DISCUSSION],
        section47_enquiry=[enquiry(started_on=D(2017, 4, 20))],
        conference=[initial("CONF-1", D(2017, 5, 10))],
    )
    (row,) = rows_for("T-12", frames, as_of=D(2017, 6, 30))
    assert (row["due_on"], row["status"], row["days_overdue"]) == (D(2017, 5, 9), "met_late", 1)


def test_icpc_without_links_uses_the_enquiry_start_and_the_referrals_next_conference() -> None:
    # No strategy discussion linked: the clock runs from the S47's own start (Wed 1 Mar 2017,
    # due Wed 22 Mar). No conference names the S47, so the referral's first initial conference
    # on or after the start meets it; the earlier one (before the start) does not.
    frames = journey_frames(
        referral=[referral(referred_on=D(2017, 2, 1))],
        section47_enquiry=[
            enquiry(strategy_discussion_id=None, started_on=D(2017, 3, 1)),
        ],
        conference=[
            initial("CONF-0", D(2017, 2, 10), section47_enquiry_id=None),
            initial("CONF-1", D(2017, 3, 21), section47_enquiry_id=None),
        ],
    )
    (row,) = rows_for("T-12", frames, as_of=D(2017, 6, 30))
    assert (row["start_on"], row["due_on"]) == (D(2017, 3, 1), D(2017, 3, 22))
    assert (row["met_key"], row["status"]) == ("CONF-1", "met_on_time")
    assert row["note"] == "no linked strategy discussion: counted from the enquiry's start"


def test_icpc_not_held_is_overdue_and_not_required_makes_no_obligation() -> None:
    # S47-1 needs a conference and none is held: overdue on 31 May. S47-2 (another referral)
    # decided on 28 Apr that no conference is required: no T-12 obligation, though its own
    # completion (T-11) is still tracked.
    frames = journey_frames(
        referral=[referral(), referral("REF-2")],
        strategy_discussion=[DISCUSSION, {**DISCUSSION, "key": "SD-2", "referral_id": "REF-2"}],
        section47_enquiry=[
            enquiry(),
            enquiry(
                "S47-2",
                "REF-2",
                strategy_discussion_id="SD-2",
                icpc_not_required=True,
                completed_on=D(2017, 4, 28),
            ),
        ],
    )
    (row,) = rows_for("T-12", frames, as_of=D(2017, 5, 31))
    assert (row["start_key"], row["status"], row["days_overdue"]) == ("S47-1", "overdue", 22)
    assert sorted(r["start_key"] for r in rows_for("T-11", frames, as_of=D(2017, 5, 31))) == [
        "S47-1",
        "S47-2",
    ]


def test_icpc_not_required_is_unknown_until_the_enquiry_completes() -> None:
    # On 20 Apr the enquiry is still running; that it will need no conference is decided on
    # 28 Apr, after that date. So on 20 Apr the ICPC clock is running.
    frames = journey_frames(
        referral=[referral()],
        strategy_discussion=[DISCUSSION],
        section47_enquiry=[enquiry(icpc_not_required=True, completed_on=D(2017, 4, 28))],
    )
    (row,) = rows_for("T-12", frames, as_of=D(2017, 4, 20))
    assert row["status"] == "not_yet_due"
    assert rows_for("T-12", frames, as_of=D(2017, 4, 28)) == []


def test_icpc_lapses_when_the_referral_closes_before_it_is_due() -> None:
    # The referral closed on 2 May, before the 9 May deadline, with no conference: no clock.
    frames = journey_frames(
        referral=[referral(closed_on=D(2017, 5, 2))],
        strategy_discussion=[DISCUSSION],
        section47_enquiry=[enquiry()],
    )
    assert rows_for("T-12", frames, as_of=D(2017, 6, 30)) == []


# ---- T-11 S47 enquiry completed ------------------------------------------------------------


def test_s47_completed_on_time_and_late() -> None:
    # Both enquiries are due 15 working days after the 13 Apr discussion (Tue 9 May). S47-1
    # completed on 9 May (on time); S47-2 on Thu 11 May (two days late).
    frames = journey_frames(
        referral=[referral(), referral("REF-2")],
        strategy_discussion=[DISCUSSION, {**DISCUSSION, "key": "SD-2", "referral_id": "REF-2"}],
        section47_enquiry=[
            enquiry(completed_on=D(2017, 5, 9)),
            enquiry("S47-2", "REF-2", strategy_discussion_id="SD-2", completed_on=D(2017, 5, 11)),
        ],
    )
    rows = sorted(rows_for("T-11", frames, as_of=D(2017, 6, 30)), key=lambda r: r["start_key"])
    assert [(r["start_key"], r["due_on"], r["met_kind"], r["status"]) for r in rows] == [
        ("S47-1", D(2017, 5, 9), "section47_completed", "met_on_time"),
        ("S47-2", D(2017, 5, 9), "section47_completed", "met_late"),
    ]


# ---- plans: core groups, reviews, visits, two-year flag ----------------------------------


PLAN_START = D(2017, 4, 3)


def plan(key: str = "CPP-1", started_on: dt.date = PLAN_START, **extra: Any) -> dict[str, Any]:
    return {"key": key, "referral_id": "REF-1", "started_on": started_on, **extra}


def test_core_groups_first_within_10_working_days_then_every_6_weeks_from_the_last() -> None:
    # ICPC Mon 3 Apr 2017 made the plan: the first core group is due 10 working days later,
    # Wed 19 Apr (Good Friday and Easter Monday skipped); held that day, on time (T-16).
    # Then 6 weeks from the actual meeting: due 31 May, held 2 Jun, late (T-17). Then due
    # 14 Jul from 2 Jun; none by 31 Jul: overdue. A core group of another plan does not count.
    frames = journey_frames(
        referral=[referral(referred_on=D(2017, 3, 1))],
        conference=[initial("CONF-1", D(2017, 4, 3), cp_plan_id="CPP-1", outcome="plan")],
        cp_plan=[plan()],
        core_group=[
            {"key": "CG-1", "cp_plan_id": "CPP-1", "held_on": D(2017, 4, 19)},
            {"key": "CG-2", "cp_plan_id": "CPP-1", "held_on": D(2017, 6, 2)},
            {"key": "CG-X", "cp_plan_id": "CPP-OTHER", "held_on": D(2017, 7, 10)},
        ],
    )
    first = rows_for("T-16", frames, as_of=D(2017, 7, 31))
    later = rows_for("T-17", frames, as_of=D(2017, 7, 31))
    assert [(r["start_kind"], r["due_on"], r["met_key"], r["status"]) for r in first] == [
        ("initial_conference", D(2017, 4, 19), "CG-1", "met_on_time"),
    ]
    assert [(r["start_key"], r["due_on"], r["met_key"], r["status"]) for r in later] == [
        ("CG-1", D(2017, 5, 31), "CG-2", "met_late"),
        ("CG-2", D(2017, 7, 14), None, "overdue"),
    ]


def test_first_core_group_counts_from_the_plan_start_when_no_conference_made_it() -> None:
    # No conference names the plan: the plan's start (Mon 3 Apr) stands in for the ICPC.
    frames = journey_frames(
        referral=[referral(referred_on=D(2017, 3, 1))],
        cp_plan=[plan()],
        core_group=[{"key": "CG-1", "cp_plan_id": "CPP-1", "held_on": D(2017, 4, 20)}],
    )
    (row,) = rows_for("T-16", frames, as_of=D(2017, 7, 31))
    assert (row["start_kind"], row["start_key"], row["due_on"], row["status"]) == (
        "cp_plan",
        "CPP-1",
        D(2017, 4, 19),
        "met_late",
    )


def test_review_conferences_3_months_after_the_icpc_then_6_monthly_until_the_plan_ends() -> None:
    # ICPC Tue 31 Jan 2017: the first review is due 3 calendar months later, clamped to
    # 30 Apr; held 28 Apr, on time (T-18). Then 6 months from 28 Apr: due 28 Oct; held 1 Nov,
    # late (T-19). That review ended the plan, so no further review is owed.
    frames = journey_frames(
        referral=[referral(referred_on=D(2017, 1, 2))],
        conference=[
            initial("CONF-1", D(2017, 1, 31), cp_plan_id="CPP-1", outcome="plan"),
            {
                "key": "CONF-2",
                "referral_id": "REF-1",
                "cp_plan_id": "CPP-1",
                "kind": "review",
                "held_on": D(2017, 4, 28),
                "outcome": "plan_continues",
            },
            {
                "key": "CONF-3",
                "referral_id": "REF-1",
                "cp_plan_id": "CPP-1",
                "kind": "review",
                "held_on": D(2017, 11, 1),
                "outcome": "plan_ends",
            },
        ],
        cp_plan=[plan(started_on=D(2017, 1, 31), ended_on=D(2017, 11, 1))],
    )
    first = rows_for("T-18", frames, as_of=D(2018, 3, 31))
    later = rows_for("T-19", frames, as_of=D(2018, 3, 31))
    assert [(r["due_on"], r["met_key"], r["status"]) for r in first] == [
        (D(2017, 4, 30), "CONF-2", "met_on_time")
    ]
    assert [(r["start_key"], r["due_on"], r["met_key"], r["status"]) for r in later] == [
        ("CONF-2", D(2017, 10, 28), "CONF-3", "met_late")
    ]


def test_cp_visits_every_10_working_days_across_christmas_and_new_year() -> None:
    # Plan started Fri 16 Dec 2016. Christmas Day 2016 fell on a Sunday, so 26 and 27 Dec were
    # bank holidays, and New Year's Day (Sunday) was observed on Mon 2 Jan 2017. Ten working
    # days: 19-23 Dec (5), 28-30 Dec (8), 3 and 4 Jan (10): due Wed 4 Jan, visited that day,
    # on time. From 4 Jan: due Wed 18 Jan; visited Thu 19 Jan, a day late. The CIN visit on
    # 10 Jan is not a CP visit and meets nothing. From 19 Jan: due 2 Feb; on 31 Jan not yet.
    frames = journey_frames(
        referral=[referral(referred_on=D(2016, 12, 1))],
        cp_plan=[plan(started_on=D(2016, 12, 16))],
        visit=[
            {"key": "V1", "child_id": CHILD, "kind": "cp", "visited_on": D(2017, 1, 4)},
            {"key": "V2", "child_id": CHILD, "kind": "cin", "visited_on": D(2017, 1, 10)},
            {"key": "V3", "child_id": CHILD, "kind": "cp", "visited_on": D(2017, 1, 19)},
        ],
    )
    rows = rows_for("T-20", frames, as_of=D(2017, 1, 31))
    assert [(r["start_key"], r["due_on"], r["met_key"], r["status"]) for r in rows] == [
        ("CPP-1", D(2017, 1, 4), "V1", "met_on_time"),
        ("V1", D(2017, 1, 18), "V3", "met_late"),
        ("V3", D(2017, 2, 2), None, "due_soon"),
    ]


def test_plan_two_year_flag_met_by_ending_in_time_overdue_while_open_missed_once_ended() -> None:
    # Each plan started 1 Apr 2015: 729 days later is 30 Mar 2017.
    # CPP-1 ended on 30 Mar 2017 (within 729 days): met. CPP-2 is still open on 30 Jun 2017:
    # overdue, the two-year drift flag. CPP-3 ran on and ended 1 May 2017: missed, by 32 days.
    frames = journey_frames(
        referral=[referral(referred_on=D(2015, 3, 1))],
        cp_plan=[
            plan("CPP-1", D(2015, 4, 1), ended_on=D(2017, 3, 30)),
            plan("CPP-2", D(2015, 4, 1)),
            plan("CPP-3", D(2015, 4, 1), ended_on=D(2017, 5, 1)),
        ],
    )
    rows = sorted(rows_for("T-21", frames, as_of=D(2017, 6, 30)), key=lambda r: r["start_key"])
    assert [(r["start_key"], r["due_on"], r["met_on"], r["status"]) for r in rows] == [
        ("CPP-1", D(2017, 3, 30), D(2017, 3, 30), "met_on_time"),
        ("CPP-2", D(2017, 3, 30), None, "overdue"),
        ("CPP-3", D(2017, 3, 30), None, "missed"),
    ]
    assert rows[2]["days_overdue"] == 32

"""Front-door and child-in-need obligations from tiny frames."""

import datetime as dt

from lineofsight.timescales.tests.builders import D, journey_frames, rows_for

REFERRAL = {"key": "REF-1", "child_id": "C1", "referred_on": D(2017, 12, 15), "source": "1A"}


def test_assessment_due_45_working_days_from_the_referral_and_met_late():
    # timescales.md §1.2: a referral on Fri 15 Dec 2017 is due by Wed 21 Feb 2018.
    frames = journey_frames(
        referral=[REFERRAL],
        assessment=[
            {
                "key": "ASM-1",
                "referral_id": "REF-1",
                "started_on": D(2017, 12, 18),
                "authorised_on": D(2018, 2, 22),
            },
        ],
    )
    (row,) = rows_for("T-04", frames, as_of=D(2018, 3, 31))
    assert row["start_on"] == D(2017, 12, 15)
    assert row["due_on"] == D(2018, 2, 21)
    assert row["met_key"] == "ASM-1"
    assert row["status"] == "met_late"  # authorised one day after the due date
    assert row["days_overdue"] == 1


def test_assessment_not_yet_authorised_is_overdue_then_unknown_before_it_started():
    frames = journey_frames(
        referral=[REFERRAL],
        assessment=[{"key": "ASM-1", "referral_id": "REF-1", "started_on": D(2017, 12, 18)}],
    )
    (row,) = rows_for("T-04b", frames, as_of=D(2018, 3, 1))
    assert row["status"] == "overdue"
    # Before the assessment started, its clock did not exist.
    assert rows_for("T-04b", frames, as_of=D(2017, 12, 17)) == []


def test_referral_decision_met_by_the_strategy_discussion_on_the_next_working_day():
    # Fri 22 Dec 2017: one working day later is Wed 27 Dec (25 and 26 Dec are bank holidays).
    frames = journey_frames(
        referral=[{**REFERRAL, "referred_on": D(2017, 12, 22)}],
        strategy_discussion=[{"key": "SD-1", "referral_id": "REF-1", "held_on": D(2017, 12, 27)}],
    )
    (row,) = rows_for("T-01", frames, as_of=D(2018, 1, 31))
    assert row["due_on"] == D(2017, 12, 27)
    assert (row["met_kind"], row["met_key"], row["status"]) == (
        "referral_decision",
        "SD-1",
        "met_on_time",
    )


def test_cin_visits_chain_from_each_actual_visit_and_lapse_when_the_plan_ends():
    frames = journey_frames(
        referral=[REFERRAL],
        cin_plan=[
            {
                "key": "CIN-1",
                "referral_id": "REF-1",
                "started_on": D(2018, 1, 2),
                "ended_on": D(2018, 3, 9),
            }
        ],
        visit=[
            {"key": "V1", "child_id": "C1", "kind": "cin", "visited_on": D(2018, 1, 30)},
            # a CP visit does not meet a CIN visit obligation
            {"key": "V2", "child_id": "C1", "kind": "cp", "visited_on": D(2018, 2, 1)},
        ],
    )
    rows = rows_for("T-07", frames, as_of=D(2018, 6, 1))
    # 20 working days from Tue 2 Jan 2018 is Tue 30 Jan: met on time by V1. The next is due
    # 20 working days after V1 (Tue 27 Feb), never met, and the plan ran past it: missed.
    assert [(r["start_key"], r["due_on"], r["status"]) for r in rows] == [
        ("CIN-1", D(2018, 1, 30), "met_on_time"),
        ("V1", D(2018, 2, 27), "missed"),
    ]


def test_front_door_work_is_held_by_the_worker_and_team_the_record_names():
    # Nobody is allocated before the decision: the referral's own worker and team hold it,
    # and a contact's decision belongs to the decider's team on the day it arrived.
    frames = journey_frames(
        referral=[{**REFERRAL, "worker_id": "SW9", "team_id": "MASH"}],
        contact=[
            {
                "key": "CON-1",
                "child_id": "C1",
                "received_at": dt.datetime(2017, 12, 14, 9),
                "decided_by_id": "SW8",
            },
        ],
        team_membership=[
            {
                "key": "M1",
                "worker_id": "SW8",
                "team_id": "OLD",
                "started_on": D(2015, 1, 1),
                "ended_on": D(2017, 6, 1),
            },
            {"key": "M2", "worker_id": "SW8", "team_id": "FRONT", "started_on": D(2017, 6, 1)},
        ],
    )
    (decision,) = rows_for("T-01", frames, as_of=D(2017, 12, 20))
    assert (decision["worker_id"], decision["team_id"], decision["allocation_role"]) == (
        "SW9",
        "MASH",
        None,
    )
    (contact,) = rows_for("T-02", frames, as_of=D(2017, 12, 20))
    assert (contact["worker_id"], contact["team_id"]) == ("SW8", "FRONT")


def test_an_allocation_takes_precedence_over_the_record():
    frames = journey_frames(
        referral=[{**REFERRAL, "worker_id": "SW9", "team_id": "MASH"}],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "SW1",
                "team_id": "SAFE",
                "role": "social_worker",
                "started_on": D(2017, 12, 15),
            },
        ],
    )
    (decision,) = rows_for("T-01", frames, as_of=D(2017, 12, 20))
    assert (decision["worker_id"], decision["team_id"], decision["allocation_role"]) == (
        "SW1",
        "SAFE",
        "social_worker",
    )

"""Open cases on a date: their kind by precedence, who holds them and how long they waited."""

from lineofsight.timescales.domain.caseload import caseload
from lineofsight.timescales.tests.builders import D, journey_frames

AS_OF = D(2017, 3, 31)


def _by_child(frames):
    return {row["child_id"]: row for row in caseload(frames, as_of=AS_OF).to_dicts()}


def test_a_looked_after_child_on_a_plan_counts_once_as_looked_after():
    frames = journey_frames(
        referral=[{"key": "R1", "child_id": "C1", "referred_on": D(2016, 5, 1)}],
        cp_plan=[{"key": "P1", "referral_id": "R1", "started_on": D(2016, 6, 1)}],
        # two episodes that follow on make one period of care, opened on the first's start
        cla_episode=[
            {
                "key": "E1",
                "child_id": "C1",
                "started_on": D(2016, 9, 1),
                "ended_on": D(2016, 12, 1),
                "legal_status": "C1",
            },
            {"key": "E2", "child_id": "C1", "started_on": D(2016, 12, 1), "legal_status": "C2"},
        ],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "W1",
                "team_id": "T1",
                "role": "social_worker",
                "started_on": D(2016, 5, 2),
            }
        ],
    )
    row = _by_child(frames)["C1"]
    assert (row["case_type"], row["case_opened_on"]) == ("cla", D(2016, 9, 1))
    assert (row["holding"], row["worker_id"], row["team_id"]) == ("allocated", "W1", "T1")
    assert row["days_waiting"] is None


def test_short_breaks_and_closed_referrals_are_not_open_cases():
    frames = journey_frames(
        referral=[
            {
                "key": "R1",
                "child_id": "C1",
                "referred_on": D(2016, 5, 1),
                "closed_on": D(2017, 3, 31),
            }
        ],  # closed on the day: not open at its end
        cla_episode=[
            {"key": "E1", "child_id": "C2", "started_on": D(2017, 3, 1), "legal_status": "V3"}
        ],
    )
    assert _by_child(frames) == {}


def test_an_unallocated_child_waits_from_its_last_social_worker_leaving():
    frames = journey_frames(
        referral=[{"key": "R1", "child_id": "C1", "referred_on": D(2016, 5, 1), "team_id": "T9"}],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "W1",
                "team_id": "T1",
                "role": "social_worker",
                "started_on": D(2016, 5, 2),
                "ended_on": D(2017, 3, 1),
            }
        ],
    )
    row = _by_child(frames)["C1"]
    assert (row["case_type"], row["holding"]) == ("cin", "unallocated")
    assert (row["waiting_since"], row["days_waiting"]) == (D(2017, 3, 1), 30)
    assert row["team_id"] == "T9"  # the open referral's team, where the work waits


def test_held_by_a_manager_and_on_duty_are_named_and_wait_from_the_referral():
    frames = journey_frames(
        referral=[
            {"key": "R1", "child_id": "C1", "referred_on": D(2017, 3, 10)},
            {"key": "R2", "child_id": "C2", "referred_on": D(2017, 3, 20)},
        ],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "M1",
                "team_id": "T1",
                "role": "held_by_manager",
                "started_on": D(2017, 3, 10),
            },
            {
                "key": "A2",
                "child_id": "C2",
                "team_id": "T2",
                "role": "duty",
                "started_on": D(2017, 3, 20),
            },
        ],
    )
    rows = _by_child(frames)
    assert (rows["C1"]["holding"], rows["C1"]["worker_id"], rows["C1"]["days_waiting"]) == (
        "held_by_manager",
        "M1",
        21,
    )
    assert (rows["C2"]["holding"], rows["C2"]["team_id"], rows["C2"]["days_waiting"]) == (
        "duty",
        "T2",
        11,
    )


def test_a_care_leaver_is_held_by_a_personal_adviser():
    frames = journey_frames(
        child=[{"child_id": "C1", "born_on": D(1998, 1, 1)}],
        cla_episode=[
            {
                "key": "E1",
                "child_id": "C1",
                "started_on": D(2012, 1, 1),
                "ended_on": D(2016, 1, 1),
                "legal_status": "C2",
            }
        ],
        allocation=[
            {
                "key": "A1",
                "child_id": "C1",
                "worker_id": "PA1",
                "team_id": "LC",
                "role": "personal_adviser",
                "started_on": D(2015, 6, 1),
            }
        ],
    )
    row = _by_child(frames)["C1"]
    assert (row["case_type"], row["holding"], row["worker_id"]) == (
        "care_leaver",
        "allocated",
        "PA1",
    )

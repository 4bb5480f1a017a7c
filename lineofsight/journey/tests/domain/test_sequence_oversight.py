"""The oversight and allocation rules on plain values: each allows the possible record and
refuses the other."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.domain.sequence import END_BEFORE_START, SequenceError

D = dt.date
UTC = dt.UTC


def refused(message: str) -> pytest.RaisesExc[SequenceError]:
    """Expect a SequenceError carrying exactly this message."""
    return pytest.raises(SequenceError, match=f"^{re.escape(message)}$")


# ---- decisions ------------------------------------------------------------------------------


def test_decision_with_its_rationale_is_allowed() -> None:
    rules.check_decision(decision="Step down to early help", rationale="Risks reduced")


@pytest.mark.parametrize("rationale", ["", "   ", "\n\t "])
def test_decision_with_a_blank_rationale_is_refused(rationale: str) -> None:
    with refused(rules.RATIONALE_REQUIRED):
        rules.check_decision(decision="Step down to early help", rationale=rationale)


def test_decision_with_no_decision_is_refused() -> None:
    with refused(rules.DECISION_TEXT_REQUIRED):
        rules.check_decision(decision=" ", rationale="Risks reduced")


def test_actions_due_on_or_after_the_day_set_are_allowed() -> None:
    rules.check_actions(actions="", due_on=None, set_on=D(2017, 3, 1))
    rules.check_actions(actions="Visit weekly", due_on=None, set_on=D(2017, 3, 1))
    rules.check_actions(actions="Visit weekly", due_on=D(2017, 3, 1), set_on=D(2017, 3, 1))


def test_actions_due_before_they_were_set_are_refused() -> None:
    with refused(rules.ACTIONS_DUE_BEFORE_SET):
        rules.check_actions(actions="Visit weekly", due_on=D(2017, 2, 28), set_on=D(2017, 3, 1))


def test_a_due_date_with_no_actions_is_refused() -> None:
    with refused(rules.ACTIONS_DUE_WITHOUT_ACTIONS):
        rules.check_actions(actions="  ", due_on=D(2017, 3, 8), set_on=D(2017, 3, 1))


def test_decision_in_supervision_is_about_a_child_discussed_on_its_day() -> None:
    rules.check_decision_in_supervision(
        made_on=D(2017, 3, 1), supervision_held_on=D(2017, 3, 1), child_discussed=True
    )
    with refused(rules.CHILD_NOT_DISCUSSED):
        rules.check_decision_in_supervision(
            made_on=D(2017, 3, 1), supervision_held_on=D(2017, 3, 1), child_discussed=False
        )
    with refused(rules.DECISION_NOT_ON_SUPERVISION_DAY):
        rules.check_decision_in_supervision(
            made_on=D(2017, 3, 2), supervision_held_on=D(2017, 3, 1), child_discussed=True
        )


# ---- supervision ----------------------------------------------------------------------------


def test_supervision_of_another_worker_is_allowed() -> None:
    rules.check_supervision(
        held_on=D(2017, 3, 1),
        next_due_on=D(2017, 3, 29),
        supervised_by_self=False,
        child_ids_discussed=["C1", "C2"],
    )


def test_supervising_oneself_is_refused() -> None:
    with refused(rules.SUPERVISOR_IS_WORKER):
        rules.check_supervision(
            held_on=D(2017, 3, 1), next_due_on=None, supervised_by_self=True, child_ids_discussed=[]
        )


def test_a_child_discussed_twice_is_refused() -> None:
    with refused(rules.CHILD_DISCUSSED_TWICE):
        rules.check_supervision(
            held_on=D(2017, 3, 1),
            next_due_on=None,
            supervised_by_self=False,
            child_ids_discussed=["C1", "C1"],
        )


@pytest.mark.parametrize("next_due_on", [D(2017, 3, 1), D(2017, 2, 1)])
def test_next_supervision_due_on_or_before_this_one_is_refused(next_due_on: dt.date) -> None:
    with refused(rules.NEXT_SUPERVISION_NOT_AFTER):
        rules.check_supervision(
            held_on=D(2017, 3, 1),
            next_due_on=next_due_on,
            supervised_by_self=False,
            child_ids_discussed=[],
        )


def test_worker_in_post_from_their_first_to_their_last_day() -> None:
    rules.check_in_post(on=D(2015, 1, 1), started_on=D(2015, 1, 1), ended_on=None)
    rules.check_in_post(on=D(2016, 1, 1), started_on=D(2015, 1, 1), ended_on=D(2016, 1, 1))
    with refused(rules.WORKER_NOT_IN_POST):
        rules.check_in_post(on=D(2014, 12, 31), started_on=D(2015, 1, 1), ended_on=None)
    with refused(rules.WORKER_NOT_IN_POST):
        rules.check_in_post(on=D(2016, 1, 2), started_on=D(2015, 1, 1), ended_on=D(2016, 1, 1))


# ---- case notes -----------------------------------------------------------------------------


def test_case_note_needs_text() -> None:
    rules.check_case_note_text(text="Saw Tamsin at home")
    with refused(rules.CASE_NOTE_TEXT_REQUIRED):
        rules.check_case_note_text(text=" \n")


def test_amendment_is_written_after_the_latest_version_of_a_note() -> None:
    written = dt.datetime(2017, 3, 1, 10, tzinfo=UTC)
    rules.check_amendment(written_at=written, note_written_at=written, note_already_amended=False)
    with refused(rules.AMENDMENT_BEFORE_NOTE):
        rules.check_amendment(
            written_at=written - dt.timedelta(minutes=1),
            note_written_at=written,
            note_already_amended=False,
        )
    with refused(rules.NOTE_ALREADY_AMENDED):
        rules.check_amendment(
            written_at=written, note_written_at=written, note_already_amended=True
        )


# ---- case audits ----------------------------------------------------------------------------


def test_audit_grades_come_from_the_grade_list() -> None:
    rules.check_audit_grade(grade_known=True, moderated_grade_known=True)
    with refused(rules.AUDIT_GRADE_UNKNOWN):
        rules.check_audit_grade(grade_known=False, moderated_grade_known=True)
    with refused(rules.AUDIT_GRADE_UNKNOWN):
        rules.check_audit_grade(grade_known=True, moderated_grade_known=False)


# ---- allocations ----------------------------------------------------------------------------


def _allocation_start(**overrides: object) -> None:
    values: dict[str, object] = {
        "started_on": D(2017, 3, 1),
        "worker_named": True,
        "worker_may_be_absent": False,
        "worker_in_team": True,
        "allocations": [(D(2016, 1, 1), D(2016, 6, 1))],
    }
    values.update(overrides)
    rules.check_allocation_start(**values)  # type: ignore[arg-type]


def test_allocation_after_the_others_in_its_role_is_allowed() -> None:
    _allocation_start()
    _allocation_start(allocations=[(D(2016, 1, 1), D(2017, 3, 1))])
    _allocation_start(allocations=[])


def test_allocation_with_no_worker_only_on_duty_or_held_by_a_manager() -> None:
    _allocation_start(worker_named=False, worker_may_be_absent=True, worker_in_team=False)
    with refused(rules.ALLOCATION_NEEDS_WORKER):
        _allocation_start(worker_named=False, worker_in_team=False)


def test_allocation_to_a_worker_outside_the_team_is_refused() -> None:
    with refused(rules.WORKER_NOT_IN_TEAM):
        _allocation_start(worker_in_team=False)


@pytest.mark.parametrize(
    "other",
    [
        (D(2017, 3, 1), None),  # starts that day
        (D(2017, 4, 1), D(2017, 5, 1)),  # starts later
        (D(2016, 1, 1), D(2017, 3, 2)),  # ended after that day
    ],
)
def test_allocation_overlapping_another_in_its_role_is_refused(
    other: tuple[dt.date, dt.date | None],
) -> None:
    with refused(rules.ALLOCATION_OVERLAPS):
        _allocation_start(allocations=[other])


def test_change_of_social_worker_needs_its_reason() -> None:
    rules.check_change_reason(replaces_social_worker=False, change_reason="")
    rules.check_change_reason(replaces_social_worker=True, change_reason="LEFTRL")
    with refused(rules.CHANGE_REASON_REQUIRED):
        rules.check_change_reason(replaces_social_worker=True, change_reason=" ")


def test_allocation_ends_once_and_not_before_it_started() -> None:
    rules.check_allocation_end(
        started_on=D(2017, 1, 1), ended_on=D(2017, 1, 1), already_ended=False
    )
    with refused(rules.ALLOCATION_ALREADY_ENDED):
        rules.check_allocation_end(
            started_on=D(2017, 1, 1), ended_on=D(2017, 2, 1), already_ended=True
        )
    with refused(END_BEFORE_START):
        rules.check_allocation_end(
            started_on=D(2017, 1, 1), ended_on=D(2016, 12, 31), already_ended=False
        )


# ---- workers, teams and memberships ---------------------------------------------------------


def test_membership_after_the_worker_left_the_team_is_allowed() -> None:
    rules.check_membership_start(started_on=D(2017, 3, 1), memberships=[])
    rules.check_membership_start(
        started_on=D(2017, 3, 1), memberships=[(D(2015, 1, 1), D(2017, 3, 1))]
    )


@pytest.mark.parametrize(
    "other", [(D(2015, 1, 1), None), (D(2017, 4, 1), None), (D(2015, 1, 1), D(2017, 3, 2))]
)
def test_membership_overlapping_another_of_the_same_team_is_refused(
    other: tuple[dt.date, dt.date | None],
) -> None:
    with refused(rules.MEMBERSHIP_ALREADY_OPEN):
        rules.check_membership_start(started_on=D(2017, 3, 1), memberships=[other])


def test_membership_ends_once_and_not_before_it_started() -> None:
    rules.check_membership_end(
        started_on=D(2017, 1, 1), ended_on=D(2017, 1, 1), already_ended=False
    )
    with refused(rules.MEMBERSHIP_ALREADY_ENDED):
        rules.check_membership_end(
            started_on=D(2017, 1, 1), ended_on=D(2017, 2, 1), already_ended=True
        )
    with refused(END_BEFORE_START):
        rules.check_membership_end(
            started_on=D(2017, 1, 1), ended_on=D(2016, 12, 31), already_ended=False
        )


def test_worker_needs_names_a_free_staff_id_and_a_fraction_of_full_time() -> None:
    rules.check_worker(staff_id_taken=False, names=["SW9", "Ada", "Testsmith"], fte=Decimal(1))
    with refused(rules.NAME_REQUIRED):
        rules.check_worker(staff_id_taken=False, names=["SW9", " ", "Testsmith"], fte=Decimal(1))
    with refused(rules.STAFF_ID_TAKEN):
        rules.check_worker(staff_id_taken=True, names=["SW9", "Ada", "Testsmith"], fte=Decimal(1))
    for fte in (Decimal(0), Decimal("1.01")):
        with refused(rules.FTE_OUT_OF_RANGE):
            rules.check_worker(staff_id_taken=False, names=["SW9", "Ada", "Testsmith"], fte=fte)


def test_team_needs_a_name_and_a_free_code() -> None:
    rules.check_team(code_taken=False, name="Safeguarding 2")
    with refused(rules.NAME_REQUIRED):
        rules.check_team(code_taken=False, name="")
    with refused(rules.TEAM_CODE_TAKEN):
        rules.check_team(code_taken=True, name="Safeguarding 2")

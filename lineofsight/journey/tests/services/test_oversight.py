"""Oversight written through the services: supervision with the children discussed,
decisions with their rationale, case notes amended by appending, and case audits; each
refused record (nothing written), and users with no access (nothing written)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.constants import (
    AuditGrade,
    CaseNoteKind,
    DecisionKind,
    SupervisionKind,
)
from lineofsight.journey.domain import sequence as sequence_rules
from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.models import (
    CaseNote,
    Supervision,
    SupervisionDiscussion,
)
from lineofsight.journey.services.oversight import (
    case_audit_record,
    case_note_amend,
    case_note_record,
    decision_record,
    supervision_record,
)
from lineofsight.journey.tests.builders import (
    TODAY,
    Case,
    D,
    at,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.more_builders import team_manager_create
from lineofsight.journey.tests.services.checks import nothing_written, refused_and_nothing_written

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(case: Case) -> User:
    """Team manager TM001 of the case's team, who supervises its social worker."""
    return team_manager_create(case.team)


def supervision_of(case: Case, manager: User, **overrides: Any) -> Supervision:
    values: dict[str, Any] = {
        "worker": case.worker,
        "held_on": D(2017, 3, 1),
        "kind": SupervisionKind.CASE,
        "children_discussed": [case.child],
        "acting_user": manager,
    }
    values.update(overrides)
    return supervision_record(**values)


def note_of(case: Case) -> CaseNote:
    return case_note_record(
        child=case.child,
        written_at=at(D(2017, 3, 1), 16),
        kind=CaseNoteKind.VISIT,
        text="Saw Tamsin at home; her room was tidy.",
        acting_user=case.user,
    )


# ---- supervision ----------------------------------------------------------------------------


def test_supervision_is_recorded_with_the_children_discussed(case: Case, manager: User):
    supervision = supervision_of(case, manager, next_due_on=D(2017, 3, 29))

    assert supervision.key.startswith("SUP-")
    assert (supervision.worker, supervision.supervisor) == (case.worker, manager.worker)
    assert (supervision.held_on, supervision.next_due_on) == (D(2017, 3, 1), D(2017, 3, 29))
    discussion = SupervisionDiscussion.objects.get()
    assert (discussion.supervision, discussion.child) == (supervision, case.child)
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.action, e.record_type, e.record_key, e.child_id) for e in events] == [
        (AuditAction.CREATED, "supervision", supervision.key, ""),
        (AuditAction.CREATED, "supervision_discussion", discussion.key, "TEST0001"),
    ]
    assert {e.actor_id for e in events} == {manager.pk}


def test_supervision_with_no_children_discussed_writes_only_itself(case: Case, manager: User):
    supervision = supervision_of(
        case, manager, kind=SupervisionKind.PERSONAL, children_discussed=[]
    )
    assert not SupervisionDiscussion.objects.exists()
    assert list(AuditEvent.objects.values_list("record_key", flat=True)) == [supervision.key]


def test_supervising_oneself_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.SUPERVISOR_IS_WORKER):
        supervision_of(case, manager, worker=manager.worker)


def test_supervision_discussing_a_child_twice_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.CHILD_DISCUSSED_TWICE):
        supervision_of(case, manager, children_discussed=[case.child, case.child])


def test_supervision_in_the_future_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(sequence_rules.DATE_IN_FUTURE):
        supervision_of(case, manager, held_on=TODAY + dt.timedelta(days=1), children_discussed=[])


def test_supervision_before_the_worker_started_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.WORKER_NOT_IN_POST):
        supervision_of(case, manager, held_on=D(2012, 8, 31), children_discussed=[])


def test_next_supervision_due_before_this_one_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.NEXT_SUPERVISION_NOT_AFTER):
        supervision_of(case, manager, next_due_on=D(2017, 2, 1))


def test_a_social_worker_cannot_record_supervision(case: Case):
    with nothing_written(PermissionDenied):
        supervision_of(case, case.user, worker=case.worker, children_discussed=[])


def test_supervision_discussing_a_child_the_manager_cannot_see_is_denied(case: Case):
    other_team = team_create("SAFE2")
    stranger = social_worker_create("TM002", other_team, "stranger.tm")
    stranger.role = Role.TEAM_MANAGER
    stranger.save(update_fields=["role"])
    with nothing_written(PermissionDenied):
        supervision_of(case, stranger)


# ---- decisions ------------------------------------------------------------------------------


def test_decision_is_recorded_by_the_acting_worker_with_its_rationale(case: Case, manager: User):
    decision = decision_record(
        child=case.child,
        made_at=at(D(2017, 3, 2), 11),
        kind=DecisionKind.STEP_DOWN,
        decision="Step down to early help",
        rationale="  Risks have reduced since the plan ended; school reports good attendance. ",
        actions="Early help worker to visit within 10 days",
        actions_due_on=D(2017, 3, 16),
        acting_user=manager,
    )

    decision.refresh_from_db()
    assert decision.key.startswith("DEC-")
    assert (decision.child, decision.made_by, decision.supervision) == (
        case.child,
        manager.worker,
        None,
    )
    assert decision.rationale == (
        "Risks have reduced since the plan ended; school reports good attendance."
    )
    assert (decision.kind, decision.actions_due_on) == (DecisionKind.STEP_DOWN, D(2017, 3, 16))
    event = AuditEvent.objects.get()
    assert (event.actor_id, event.action, event.record_type, event.record_key, event.child_id) == (
        manager.pk,
        AuditAction.CREATED,
        "decision",
        decision.key,
        "TEST0001",
    )


def test_decision_made_in_supervision_links_to_it(case: Case, manager: User):
    supervision = supervision_of(case, manager)
    decision = decision_record(
        child=case.child,
        made_at=at(D(2017, 3, 1), 14),
        kind=DecisionKind.LEGAL_PLANNING,
        decision="Refer to legal planning meeting",
        rationale="Neglect persists despite the plan",
        supervision=supervision,
        acting_user=manager,
    )
    assert list(supervision.decisions.all()) == [decision]


@pytest.mark.parametrize("rationale", ["", "   ", "\n\t"])
def test_decision_without_a_rationale_is_refused(case: Case, manager: User, rationale: str):
    with refused_and_nothing_written(rules.RATIONALE_REQUIRED):
        decision_record(
            child=case.child,
            made_at=at(D(2017, 3, 2), 11),
            kind=DecisionKind.CLOSURE,
            decision="Close the case",
            rationale=rationale,
            acting_user=manager,
        )


def test_decision_with_actions_due_before_it_was_made_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.ACTIONS_DUE_BEFORE_SET):
        decision_record(
            child=case.child,
            made_at=at(D(2017, 3, 2), 11),
            kind=DecisionKind.CLOSURE,
            decision="Close the case",
            rationale="Needs met",
            actions="Send closure letter",
            actions_due_on=D(2017, 3, 1),
            acting_user=manager,
        )


def test_decision_in_the_future_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(sequence_rules.DATE_IN_FUTURE):
        decision_record(
            child=case.child,
            made_at=at(TODAY + dt.timedelta(days=1), 9),
            kind=DecisionKind.CLOSURE,
            decision="Close the case",
            rationale="Needs met",
            acting_user=manager,
        )


def test_decision_in_a_supervision_that_did_not_discuss_the_child_is_refused(
    case: Case, manager: User
):
    supervision = supervision_of(case, manager, children_discussed=[])
    with refused_and_nothing_written(rules.CHILD_NOT_DISCUSSED):
        decision_record(
            child=case.child,
            made_at=at(D(2017, 3, 1), 14),
            kind=DecisionKind.OTHER,
            decision="Increase visits",
            rationale="Concerns about home conditions",
            supervision=supervision,
            acting_user=manager,
        )


def test_decision_in_supervision_on_another_day_is_refused(case: Case, manager: User):
    supervision = supervision_of(case, manager)
    with refused_and_nothing_written(rules.DECISION_NOT_ON_SUPERVISION_DAY):
        decision_record(
            child=case.child,
            made_at=at(D(2017, 3, 3), 14),
            kind=DecisionKind.OTHER,
            decision="Increase visits",
            rationale="Concerns about home conditions",
            supervision=supervision,
            acting_user=manager,
        )


# ---- case notes -----------------------------------------------------------------------------


def test_case_note_is_recorded_by_the_acting_worker(case: Case):
    note = note_of(case)
    assert note.key.startswith("NOTE-")
    assert (note.child, note.author, note.kind, note.amends) == (
        case.child,
        case.worker,
        CaseNoteKind.VISIT,
        None,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.record_key, event.child_id) == (
        AuditAction.CREATED,
        "case_note",
        note.key,
        "TEST0001",
    )


def test_case_note_with_no_text_is_refused(case: Case):
    with refused_and_nothing_written(rules.CASE_NOTE_TEXT_REQUIRED):
        case_note_record(
            child=case.child,
            written_at=at(D(2017, 3, 1), 16),
            kind=CaseNoteKind.OTHER,
            text="  ",
            acting_user=case.user,
        )


def test_amendment_is_appended_and_the_note_left_as_it_was(case: Case, manager: User):
    note = note_of(case)
    written = (note.text, note.updated_at)
    amendment = case_note_amend(
        note=note,
        written_at=at(D(2017, 3, 2), 9),
        text="Saw Tamsin at home; her room was tidy. Mother present throughout.",
        is_significant=True,
        acting_user=manager,
    )

    note.refresh_from_db()
    assert (note.text, note.updated_at) == written
    assert amendment.pk != note.pk
    assert (amendment.amends, amendment.kind, amendment.author) == (
        note,
        CaseNoteKind.VISIT,
        manager.worker,
    )
    assert amendment.is_significant
    assert list(note.amendments.all()) == [amendment]
    # Only creations: the note amended is not changed.
    assert list(AuditEvent.objects.order_by("pk").values_list("action", "record_key")) == [
        (AuditAction.CREATED, note.key),
        (AuditAction.CREATED, amendment.key),
    ]


def test_an_amendment_can_itself_be_amended(case: Case):
    note = note_of(case)
    first = case_note_amend(
        note=note, written_at=at(D(2017, 3, 2), 9), text="First correction", acting_user=case.user
    )
    second = case_note_amend(
        note=first, written_at=at(D(2017, 3, 3), 9), text="Second correction", acting_user=case.user
    )
    assert (second.amends, first.amends) == (first, note)
    assert not second.is_significant


def test_amending_a_note_already_amended_is_refused(case: Case):
    note = note_of(case)
    case_note_amend(
        note=note, written_at=at(D(2017, 3, 2), 9), text="First correction", acting_user=case.user
    )
    with refused_and_nothing_written(rules.NOTE_ALREADY_AMENDED):
        case_note_amend(
            note=note,
            written_at=at(D(2017, 3, 3), 9),
            text="Another correction",
            acting_user=case.user,
        )


def test_amendment_before_the_note_is_refused(case: Case):
    note = note_of(case)
    with refused_and_nothing_written(rules.AMENDMENT_BEFORE_NOTE):
        case_note_amend(
            note=note, written_at=at(D(2017, 3, 1), 15), text="Correction", acting_user=case.user
        )


# ---- case audits ----------------------------------------------------------------------------


def test_case_audit_is_recorded_with_its_grade(case: Case, manager: User):
    case_audit = case_audit_record(
        child=case.child,
        audited_on=D(2017, 4, 10),
        grade=AuditGrade.REQUIRES_IMPROVEMENT,
        moderated_grade=AuditGrade.GOOD,
        themes="Voice of the child; management oversight",
        actions="Record the rationale for the step-down",
        actions_due_on=D(2017, 4, 24),
        acting_user=manager,
    )
    case_audit.refresh_from_db()
    assert case_audit.key.startswith("AUD-")
    assert (case_audit.auditor, case_audit.grade, case_audit.moderated_grade) == (
        manager.worker,
        AuditGrade.REQUIRES_IMPROVEMENT,
        AuditGrade.GOOD,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.record_key, event.child_id) == (
        AuditAction.CREATED,
        "case_audit",
        case_audit.key,
        "TEST0001",
    )


@pytest.mark.parametrize(
    ("grade", "moderated_grade"), [("excellent", ""), (AuditGrade.GOOD, "very_good")]
)
def test_case_audit_with_a_grade_off_the_list_is_refused(
    case: Case, manager: User, grade: str, moderated_grade: str
):
    with refused_and_nothing_written(rules.AUDIT_GRADE_UNKNOWN):
        case_audit_record(
            child=case.child,
            audited_on=D(2017, 4, 10),
            grade=grade,
            moderated_grade=moderated_grade,
            acting_user=manager,
        )


# ---- no access ------------------------------------------------------------------------------


def test_social_worker_of_another_team_is_denied_and_nothing_written(case: Case):
    note = note_of(case)
    stranger = social_worker_create("SW002", team_create("SAFE2"), "stranger.sw")
    with nothing_written(PermissionDenied):
        decision_record(
            child=case.child,
            made_at=at(D(2017, 3, 2), 11),
            kind=DecisionKind.CLOSURE,
            decision="Close the case",
            rationale="Needs met",
            acting_user=stranger,
        )
    with nothing_written(PermissionDenied):
        case_note_record(
            child=case.child,
            written_at=at(D(2017, 3, 2), 11),
            kind=CaseNoteKind.OTHER,
            text="A note",
            acting_user=stranger,
        )
    with nothing_written(PermissionDenied):
        case_note_amend(
            note=note, written_at=at(D(2017, 3, 2), 11), text="Correction", acting_user=stranger
        )
    with nothing_written(PermissionDenied):
        case_audit_record(
            child=case.child,
            audited_on=D(2017, 4, 10),
            grade=AuditGrade.GOOD,
            acting_user=stranger,
        )

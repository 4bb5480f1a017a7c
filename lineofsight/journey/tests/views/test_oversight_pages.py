"""The oversight recording pages: a management decision (never without its rationale), case
notes and their amendment by appending, a case audit, a supervision discussing the child and
allocating the child; each refused answer or sequence shown with nothing written, and who may
record supervision and allocations."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.models import (
    CaseAudit,
    CaseNote,
    Decision,
    Supervision,
    SupervisionDiscussion,
)
from lineofsight.journey.steps import STEPS
from lineofsight.journey.steps.oversight import STEPS as OVERSIGHT_STEPS
from lineofsight.journey.tests.builders import (
    Case,
    D,
    at,
    social_worker_create,
)
from lineofsight.journey.tests.more_builders import team_manager_create
from lineofsight.journey.tests.views.pages import (
    record,
    refused,
    saved,
    signed_in,
    step_url,
    written,
)
from lineofsight.people.constants import AllocationRole
from lineofsight.people.models import Allocation

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_user(case: Case) -> User:
    """Team manager TM001 of the case's team since April 2010."""
    return team_manager_create(case.team)


@pytest.fixture
def manager(manager_user: User) -> Client:
    return signed_in(manager_user)


def note_written(case: Case, text: str = "Saw Tamsin at home; her room was tidy.") -> CaseNote:
    return CaseNote.objects.create(
        key="NOTE-000001",
        child=case.child,
        written_at=at(D(2017, 3, 1), 16),
        author=case.worker,
        kind="visit",
        text=text,
    )


DECISION = {
    "made_on": D(2017, 6, 2),
    "made_time": "11:20",
    "kind": "step_up",
    "decision": "Step up to a child protection strategy discussion.",
    "rationale": "Second unexplained injury in a month; mother could not say how it happened.",
}


# ---- decisions --------------------------------------------------------------------------------


def test_a_decision_is_recorded_with_its_rationale(case: Case, worker: Client) -> None:
    form = worker.get(step_url(case.child, "management-decision")).content.decode()
    assert 'name="made_on_day" type="text" inputmode="numeric" value="30"' in form
    assert "Why this was decided" in form

    saved(
        record(
            worker,
            case.child,
            "management-decision",
            **DECISION,
            actions="Strategy discussion by Friday",
            actions_due_on=D(2017, 6, 9),
        ),
        "Decision recorded",
    )

    decision = Decision.objects.get()
    assert decision.child == case.child
    assert decision.made_at == at(D(2017, 6, 2), 11, 20)
    assert (decision.kind, decision.made_by) == ("step_up", case.worker)
    assert decision.rationale == DECISION["rationale"]
    assert (decision.actions, decision.actions_due_on) == (
        "Strategy discussion by Friday",
        D(2017, 6, 9),
    )
    assert decision.supervision is None
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATED, record_key=decision.key, child_id=case.child.child_id
    ).exists()


def test_a_decision_with_a_blank_rationale_is_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    before = written()

    html = record(
        worker, case.child, "management-decision", **{**DECISION, "rationale": "  \r\n\t "}
    )

    assert "There is a problem" in html
    assert '<a href="#id_rationale">Enter why this was decided</a>' in html
    assert html.count("govuk-form-group--error") == 1
    assert "<title>Error: " in html
    assert written() == before


def test_a_decision_with_actions_due_but_no_actions_is_refused(case: Case, worker: Client) -> None:
    before = written()

    html = record(
        worker, case.child, "management-decision", **DECISION, actions_due_on=D(2017, 6, 9)
    )

    refused(html, rules.ACTIONS_DUE_WITHOUT_ACTIONS)
    assert written() == before


def test_a_decision_made_in_a_supervision_of_the_child(
    case: Case, worker: Client, manager: Client
) -> None:
    saved(
        record(
            manager, case.child, "supervision", worker="SW001", held_on=D(2017, 6, 2), kind="case"
        ),
        "Supervision recorded",
    )
    supervision = Supervision.objects.get()
    form = worker.get(step_url(case.child, "management-decision")).content.decode()
    # Offered, but not chosen for the user: most decisions are not made in supervision.
    assert f'value="{supervision.key}"' in form
    assert f'value="{supervision.key}" checked' not in form

    wrong_day = record(
        worker,
        case.child,
        "management-decision",
        **{**DECISION, "made_on": D(2017, 6, 3)},
        supervision=supervision.key,
    )
    refused(wrong_day, rules.DECISION_NOT_ON_SUPERVISION_DAY)
    assert not Decision.objects.exists()

    saved(
        record(worker, case.child, "management-decision", **DECISION, supervision=supervision.key),
        "Decision recorded",
    )
    assert Decision.objects.get().supervision == supervision


# ---- case notes -------------------------------------------------------------------------------


def test_a_case_note_is_recorded(case: Case, worker: Client) -> None:
    saved(
        record(
            worker,
            case.child,
            "case-note",
            written_on=D(2017, 9, 29),
            written_time="16:05",
            kind="direct_work",
            text="Life story work: Tamsin drew her family.",
            is_significant="on",
        ),
        "Case note recorded",
    )

    note = CaseNote.objects.get()
    assert (note.child, note.author, note.kind) == (case.child, case.worker, "direct_work")
    assert note.written_at == at(D(2017, 9, 29), 16, 5)
    assert note.text == "Life story work: Tamsin drew her family."
    assert note.is_significant
    assert note.amends is None


def test_a_case_note_without_its_text_is_refused(case: Case, worker: Client) -> None:
    html = record(
        worker,
        case.child,
        "case-note",
        written_on=D(2017, 9, 29),
        written_time="16:05",
        kind="visit",
        text="   ",
    )

    assert '<a href="#id_text">Enter the case note</a>' in html
    assert not CaseNote.objects.exists()


def test_amending_a_note_appends_and_keeps_the_original(case: Case, worker: Client) -> None:
    note = note_written(case)

    form = worker.get(step_url(case.child, "case-note-amend")).content.decode()
    assert f'value="{note.key}" checked' in form
    # The note's current text, shown and pre-filled for amending.
    assert "Saw Tamsin at home; her room was tidy.</textarea>" in form
    assert "A visit note written 1 March 2017 at 16:00" in form

    saved(
        record(
            worker,
            case.child,
            "case-note-amend",
            note=note.key,
            written_on=D(2017, 3, 2),
            written_time="09:00",
            text="Saw Tamsin at home with her mother; her room was tidy.",
        ),
        "Case note amended",
    )

    note.refresh_from_db()
    assert note.text == "Saw Tamsin at home; her room was tidy."
    amendment = CaseNote.objects.exclude(pk=note.pk).get()
    assert amendment.amends == note
    assert amendment.text == "Saw Tamsin at home with her mother; her room was tidy."
    assert (amendment.kind, amendment.author) == ("visit", case.worker)
    assert amendment.written_at == at(D(2017, 3, 2), 9)
    # Only the latest version is offered now, and it is what the form starts from.
    form = worker.get(step_url(case.child, "case-note-amend")).content.decode()
    assert f'value="{amendment.key}" checked' in form
    assert f'value="{note.key}"' not in form
    assert "with her mother; her room was tidy.</textarea>" in form


def test_an_amendment_written_before_the_note_is_refused(case: Case, worker: Client) -> None:
    note = note_written(case)
    before = written()

    html = record(
        worker,
        case.child,
        "case-note-amend",
        note=note.key,
        written_on=D(2017, 2, 28),
        written_time="09:00",
        text="Corrected text.",
    )

    refused(html, rules.AMENDMENT_BEFORE_NOTE)
    assert written() == before


def test_amending_is_offered_only_once_the_child_has_a_note(case: Case, worker: Client) -> None:
    step = STEPS["case-note-amend"]
    child_page = reverse("timescales:child", args=[case.child.child_id])

    assert not step.offered(case.child)
    assert step_url(case.child, "case-note-amend") not in worker.get(child_page).content.decode()
    note_written(case)
    assert step.offered(case.child)
    assert step_url(case.child, "case-note-amend") in worker.get(child_page).content.decode()


# ---- case audits ------------------------------------------------------------------------------


def test_a_case_audit_is_recorded_with_its_grade(case: Case, worker: Client) -> None:
    saved(
        record(
            worker,
            case.child,
            "case-audit",
            audited_on=D(2017, 9, 12),
            grade="requires_improvement",
            moderated_grade="good",
            themes="Voice of the child",
            actions="Record Tamsin's wishes at each visit",
            actions_due_on=D(2017, 10, 12),
        ),
        "Case audit recorded",
    )

    audit = CaseAudit.objects.get()
    assert (audit.child, audit.auditor, audit.audited_on) == (
        case.child,
        case.worker,
        D(2017, 9, 12),
    )
    assert (audit.grade, audit.moderated_grade) == ("requires_improvement", "good")
    assert (audit.themes, audit.actions_due_on) == ("Voice of the child", D(2017, 10, 12))


def test_a_case_audit_without_its_grade_is_refused(case: Case, worker: Client) -> None:
    html = record(worker, case.child, "case-audit", audited_on=D(2017, 9, 12))

    assert '<a href="#id_grade">Select the grade</a>' in html
    assert not CaseAudit.objects.exists()


# ---- supervision ------------------------------------------------------------------------------


def test_a_supervision_discussing_the_child_is_recorded(
    case: Case, manager: Client, manager_user: User
) -> None:
    form = manager.get(step_url(case.child, "supervision")).content.decode()
    # The supervisee starts as the child's allocated worker.
    assert '<option value="SW001" selected>' in form

    saved(
        record(
            manager,
            case.child,
            "supervision",
            worker="SW001",
            held_on=D(2017, 9, 1),
            kind="case",
            next_due_on=D(2017, 9, 29),
        ),
        "Supervision recorded",
    )

    supervision = Supervision.objects.get()
    assert (supervision.worker, supervision.supervisor) == (case.worker, manager_user.worker)
    assert (supervision.held_on, supervision.next_due_on) == (D(2017, 9, 1), D(2017, 9, 29))
    assert [d.child for d in supervision.discussions.all()] == [case.child]


def test_a_manager_cannot_record_supervising_themselves(case: Case, manager: Client) -> None:
    before = written()

    html = record(
        manager, case.child, "supervision", worker="TM001", held_on=D(2017, 9, 1), kind="case"
    )

    refused(html, rules.SUPERVISOR_IS_WORKER)
    assert written() == before


def test_a_social_worker_cannot_record_supervision(case: Case, worker: Client) -> None:
    posted = worker.post(
        step_url(case.child, "supervision"),
        {
            "worker": "SW001",
            "held_on_day": "1",
            "held_on_month": "9",
            "held_on_year": "2017",
            "kind": "case",
        },
    )

    assert posted.status_code == 403
    assert not Supervision.objects.exists()
    assert not SupervisionDiscussion.objects.exists()


# ---- allocation -------------------------------------------------------------------------------


def test_the_child_is_allocated_to_another_worker(case: Case, manager: Client) -> None:
    newcomer = social_worker_create("SW002", case.team, "kerensa.sw")
    form = manager.get(step_url(case.child, "allocation")).content.decode()
    # The team starts as the current allocation's; the role as the child's social worker.
    assert '<option value="SAFE1" selected>' in form
    assert 'value="social_worker" checked' in form

    saved(
        record(
            manager,
            case.child,
            "allocation",
            team="SAFE1",
            role="social_worker",
            worker="SW002",
            started_on=D(2017, 9, 4),
            change_reason="MANAGE",
        ),
        "Allocation recorded",
    )

    previous = Allocation.objects.get(key=f"ALL-{case.child.child_id}")
    assert previous.ended_on == D(2017, 9, 4)
    allocation = Allocation.objects.exclude(pk=previous.pk).get()
    assert (allocation.worker, allocation.team) == (newcomer.worker, case.team)
    assert (allocation.role, allocation.started_on) == (AllocationRole.SOCIAL_WORKER, D(2017, 9, 4))
    assert allocation.change_reason == "MANAGE"


def test_a_change_of_social_worker_without_its_reason_is_refused(
    case: Case, manager: Client
) -> None:
    social_worker_create("SW002", case.team, "kerensa.sw")
    before = written()

    html = record(
        manager,
        case.child,
        "allocation",
        team="SAFE1",
        role="social_worker",
        worker="SW002",
        started_on=D(2017, 9, 4),
    )

    refused(html, rules.CHANGE_REASON_REQUIRED)
    assert written() == before
    assert Allocation.objects.get().ended_on is None


def test_a_social_worker_is_not_offered_allocation_and_is_refused_it(
    case: Case, worker: Client
) -> None:
    page = worker.get(reverse("timescales:child", args=[case.child.child_id])).content.decode()
    assert 'data-step="allocation"' not in page
    assert 'data-step="supervision"' not in page
    assert worker.get(step_url(case.child, "allocation")).status_code == 403

    posted = worker.post(
        step_url(case.child, "allocation"),
        {
            "team": "SAFE1",
            "role": "social_worker",
            "worker": "SW001",
            "started_on_day": "4",
            "started_on_month": "9",
            "started_on_year": "2017",
            "change_reason": "MANAGE",
        },
    )

    assert posted.status_code == 403
    assert Allocation.objects.count() == 1


# ---- every page -------------------------------------------------------------------------------


def test_each_page_opens_where_it_is_offered(
    case: Case, manager_user: User, manager: Client, worker: Client
) -> None:
    note_written(case)
    for step in OVERSIGHT_STEPS:
        assert step.offered(case.child), step.slug
        for user, client in ((manager_user, manager), (case.user, worker)):
            response = client.get(step_url(case.child, step.slug))
            expected = 200 if step.allowed(user) else 403
            assert response.status_code == expected, step.slug
            if expected == 200:
                assert f'data-step="{step.slug}"' in response.content.decode()

"""Writes for management oversight: supervision, decisions with their rationale, case notes
(amended only by appending) and case audits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lineofsight.accounts.access_people import NOT_SUPERVISOR, supervision_record_allowed
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_today
from lineofsight.journey.constants import AuditGrade
from lineofsight.journey.domain import sequence as sequence_rules
from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.models import (
    CaseAudit,
    CaseNote,
    Decision,
    Supervision,
    SupervisionDiscussion,
)
from lineofsight.journey.services._steps import (
    check_dated,
    child_for_write,
    new_key,
    record_created,
)
from lineofsight.people.models import Child, Worker


@transaction.atomic
def supervision_record(
    *,
    worker: Worker,
    held_on: dt.date,
    kind: str,
    children_discussed: Sequence[Child] = (),
    supervisor: Worker | None = None,
    next_due_on: dt.date | None = None,
    acting_user: User,
) -> Supervision:
    """Record a supervision of `worker`, by the acting user's worker unless another is named,
    with a row for each child discussed (the acting user must be able to open each record)."""
    if not supervision_record_allowed(acting_user):
        raise PermissionDenied(NOT_SUPERVISOR)
    # Locked in one order, so two supervisions naming the same children cannot deadlock.
    children = [
        child_for_write(child, acting_user)
        for child in sorted(children_discussed, key=lambda child: child.pk)
    ]
    supervisor = supervisor or acting_user.worker
    rules.check_supervision(
        held_on=held_on,
        next_due_on=next_due_on,
        supervised_by_self=supervisor is not None and supervisor.pk == worker.pk,
        child_ids_discussed=[child.child_id for child in children],
    )
    sequence_rules.check_not_in_future(on=held_on, today=council_today())
    rules.check_in_post(on=held_on, started_on=worker.started_on, ended_on=worker.ended_on)
    for child in children:
        check_dated(child, held_on)
    supervision = Supervision.objects.create(
        key=new_key("SUP"),
        worker=worker,
        supervisor=supervisor,
        held_on=held_on,
        kind=kind,
        next_due_on=next_due_on,
    )
    # A supervision is about a worker, not a child: its audit row names no child.
    AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.CREATED,
        record_type=supervision.record_type,
        record_key=supervision.key,
    )
    for child in children:
        record_created(
            SupervisionDiscussion,
            child=child,
            acting_user=acting_user,
            prefix="SDI",
            supervision=supervision,
        )
    return supervision


@transaction.atomic
def decision_record(
    *,
    child: Child,
    made_at: dt.datetime,
    kind: str,
    decision: str,
    rationale: str,
    actions: str = "",
    actions_due_on: dt.date | None = None,
    supervision: Supervision | None = None,
    acting_user: User,
) -> Decision:
    """Record a decision made by the acting user's worker. The rationale is required: a blank
    one is refused, however it is spaced."""
    child = child_for_write(child, acting_user)
    made_on = timezone.localdate(made_at)
    rules.check_decision(decision=decision, rationale=rationale)
    check_dated(child, made_on)
    rules.check_actions(actions=actions, due_on=actions_due_on, set_on=made_on)
    if supervision is not None:
        supervision = Supervision.objects.get(pk=supervision.pk)
        rules.check_decision_in_supervision(
            made_on=made_on,
            supervision_held_on=supervision.held_on,
            child_discussed=supervision.discussions.filter(child=child).exists(),
        )
    return record_created(
        Decision,
        child=child,
        acting_user=acting_user,
        prefix="DEC",
        made_at=made_at,
        made_by=acting_user.worker,
        kind=kind,
        decision=decision.strip(),
        rationale=rationale.strip(),
        actions=actions.strip(),
        actions_due_on=actions_due_on,
        supervision=supervision,
    )


@transaction.atomic
def case_note_record(
    *,
    child: Child,
    written_at: dt.datetime,
    kind: str,
    text: str,
    is_significant: bool = False,
    acting_user: User,
) -> CaseNote:
    """Record a case note written by the acting user's worker."""
    child = child_for_write(child, acting_user)
    rules.check_case_note_text(text=text)
    check_dated(child, timezone.localdate(written_at))
    return record_created(
        CaseNote,
        child=child,
        acting_user=acting_user,
        prefix="NOTE",
        written_at=written_at,
        author=acting_user.worker,
        kind=kind,
        text=text,
        is_significant=is_significant,
    )


@transaction.atomic
def case_note_amend(
    *,
    note: CaseNote,
    written_at: dt.datetime,
    text: str,
    is_significant: bool | None = None,
    acting_user: User,
) -> CaseNote:
    """Amend a note by appending a new one that points at it (of the same kind, and as
    significant as it unless said otherwise). The note itself is never changed."""
    child = child_for_write(note.child, acting_user)
    note = CaseNote.objects.select_for_update().get(pk=note.pk)
    rules.check_case_note_text(text=text)
    rules.check_amendment(
        written_at=written_at,
        note_written_at=note.written_at,
        note_already_amended=note.amendments.exists(),
    )
    check_dated(child, timezone.localdate(written_at))
    return record_created(
        CaseNote,
        child=child,
        acting_user=acting_user,
        prefix="NOTE",
        written_at=written_at,
        author=acting_user.worker,
        kind=note.kind,
        text=text,
        is_significant=note.is_significant if is_significant is None else is_significant,
        amends=note,
    )


@transaction.atomic
def case_audit_record(
    *,
    child: Child,
    audited_on: dt.date,
    grade: str,
    moderated_grade: str = "",
    themes: str = "",
    actions: str = "",
    actions_due_on: dt.date | None = None,
    auditor: Worker | None = None,
    acting_user: User,
) -> CaseAudit:
    """Record an audit of the child's case, by the acting user's worker unless another is
    named."""
    child = child_for_write(child, acting_user)
    rules.check_audit_grade(
        grade_known=grade in AuditGrade.values,
        moderated_grade_known=not moderated_grade or moderated_grade in AuditGrade.values,
    )
    check_dated(child, audited_on)
    rules.check_actions(actions=actions, due_on=actions_due_on, set_on=audited_on)
    return record_created(
        CaseAudit,
        child=child,
        acting_user=acting_user,
        prefix="AUD",
        audited_on=audited_on,
        auditor=auditor or acting_user.worker,
        grade=grade,
        moderated_grade=moderated_grade,
        themes=themes,
        actions=actions,
        actions_due_on=actions_due_on,
    )

"""Recording oversight and case notes: management decisions with their rationale, case notes
(amended only by appending), case audits, supervision of the child's worker and allocating the
child to a worker.

Supervision is recorded only by team managers and heads of service, and allocation only by
those who manage the team allocated in (`accounts.access_people`); the services refuse anyone
else. A step is offered by the child alone, so the allocation form offers only the teams the
signed-in user may allocate in.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import Truncator

from lineofsight.accounts.access import current_on
from lineofsight.accounts.access_people import (
    people_manage_allowed,
    supervision_record_allowed,
    team_people_manage_allowed,
)
from lineofsight.core.selectors import council_today
from lineofsight.journey import services
from lineofsight.journey.constants import AuditGrade, CaseNoteKind, DecisionKind, SupervisionKind
from lineofsight.journey.models import CaseAudit, CaseNote, Decision, Supervision
from lineofsight.journey.steps.base import Step, StepForm, key_choice
from lineofsight.journey.steps.children_in_need import worker_choices
from lineofsight.journey.steps.fields import GovukTimeField, choice_field, date_field, moment
from lineofsight.people import services as people_services
from lineofsight.people.constants import AllocationRole, SocialWorkerChangeReason
from lineofsight.people.models import Allocation, Child, Team, Worker

STAGE = "Oversight and case notes"

NOTE_EXCERPT_CHARACTERS = 80


def _text_field(label: str, *, error: str = "", hint: str = "", rows: int = 4) -> forms.CharField:
    """A textarea; required when it has an error message for a missing answer. Spaces alone
    count as missing (Django strips them)."""
    field = forms.CharField(
        label=label,
        required=bool(error),
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=hint,
    )
    if error:
        field.error_messages["required"] = error
    return field


def _worker_choice(label: str, *, error: str, required: bool) -> forms.ChoiceField:
    """A select of the current workers, filled in `prepare`."""
    return forms.ChoiceField(
        label=label,
        choices=[],
        required=required,
        widget=forms.Select,
        error_messages={"required": error, "invalid_choice": error},
    )


def allocation_current(child: Child) -> Allocation | None:
    """The child's current allocation to a social worker, the latest if more than one."""
    return (
        Allocation.objects.filter(
            current_on(council_today()), child=child, role=AllocationRole.SOCIAL_WORKER
        )
        .select_related("worker", "team")
        .order_by("-started_on")
        .first()
    )


def _supervisions_discussing(child: Child) -> list[Supervision]:
    return list(
        Supervision.objects.filter(discussions__child=child)
        .select_related("worker")
        .order_by("-held_on")
    )


def supervision_describe(supervision: Supervision) -> str:
    return (
        f"{supervision.get_kind_display()} of {supervision.worker} on "
        f"{supervision.held_on:%-d %B %Y}"
    )


def notes_latest(child: Child) -> list[CaseNote]:
    """The latest version of each of the child's notes (those not amended yet), newest
    first: only these can be amended."""
    return list(
        child.case_notes.filter(amendments__isnull=True)
        .select_related("amends")
        .order_by("-written_at")
    )


def note_describe(note: CaseNote) -> str:
    written = timezone.localtime(note.written_at)
    what = "Amendment to a" if note.amends_id else "A"
    excerpt = Truncator(" ".join(note.text.split())).chars(NOTE_EXCERPT_CHARACTERS)
    return (
        f"{what} {note.get_kind_display().lower()} note written {written:%-d %B %Y at %H:%M}: "
        f"“{excerpt}”"
    )


class DecisionForm(StepForm):
    made_on = date_field("the decision was made")
    made_time = GovukTimeField(what="the decision was made", label="Time of the decision")
    kind = choice_field(
        "What the decision is about",
        DecisionKind.choices,
        error="Select what the decision is about",
    )
    decision = _text_field("What was decided", error="Enter what was decided")
    rationale = _text_field(
        "Why this was decided",
        error="Enter why this was decided",
        hint="The reasons, and what was weighed: inspectors look for decisions without a "
        "recorded rationale",
        rows=6,
    )
    actions = _text_field("Actions set by the decision", rows=3)
    actions_due_on = date_field("the actions are due", required=False)
    supervision = key_choice(
        "The supervision it was made in, if it was",
        error="Select the supervision",
        required=False,
    )

    def prepare(self) -> None:
        self.offer(
            "supervision",
            _supervisions_discussing(self.child),
            supervision_describe,
            preselect_latest=False,
        )
        self.initial_if_unset(made_on=council_today())

    def record(self) -> Decision:
        data = self.cleaned_data
        return services.decision_record(
            child=self.child,
            made_at=moment(data["made_on"], data["made_time"]),
            kind=data["kind"],
            decision=data["decision"],
            rationale=data["rationale"],
            actions=data["actions"],
            actions_due_on=data["actions_due_on"],
            supervision=self.chosen(
                Supervision.objects.filter(discussions__child=self.child), "supervision"
            ),
            acting_user=self.acting_user,
        )


class CaseNoteForm(StepForm):
    written_on = date_field("the note was written")
    written_time = GovukTimeField(what="the note was written", label="Time written")
    kind = choice_field(
        "Kind of case note", CaseNoteKind.choices, error="Select the kind of case note"
    )
    text = _text_field("The case note", error="Enter the case note", rows=8)
    is_significant = forms.BooleanField(label="This is a significant event", required=False)

    def prepare(self) -> None:
        self.initial_if_unset(written_on=council_today())

    def record(self) -> CaseNote:
        data = self.cleaned_data
        return services.case_note_record(
            child=self.child,
            written_at=moment(data["written_on"], data["written_time"]),
            kind=data["kind"],
            text=data["text"],
            is_significant=data["is_significant"],
            acting_user=self.acting_user,
        )


class CaseNoteAmendForm(StepForm):
    note = key_choice(
        "Which note",
        error="Select the note to amend",
    )
    written_on = date_field("the amendment was written")
    written_time = GovukTimeField(what="the amendment was written", label="Time written")
    text = _text_field(
        "The note as amended",
        error="Enter the note as amended",
        hint="It starts as the note's current text. The note itself is kept as it was; the "
        "amendment is added after it",
        rows=8,
    )

    def prepare(self) -> None:
        notes = notes_latest(self.child)
        self.offer("note", notes, note_describe)
        chosen = next((n for n in notes if str(n.key) == self.initial.get("note")), None)
        self.initial_if_unset(written_on=council_today(), text=chosen.text if chosen else None)

    def record(self) -> CaseNote:
        note = self.chosen(CaseNote.objects.filter(child=self.child), "note")
        assert note is not None
        data = self.cleaned_data
        return services.case_note_amend(
            note=note,
            written_at=moment(data["written_on"], data["written_time"]),
            text=data["text"],
            acting_user=self.acting_user,
        )


class CaseAuditForm(StepForm):
    audited_on = date_field("of the audit")
    grade = choice_field("Grade", AuditGrade.choices, error="Select the grade")
    moderated_grade = choice_field(
        "Moderated grade, if moderated",
        AuditGrade.choices,
        error="Select the moderated grade",
        required=False,
    )
    themes = forms.CharField(
        label="Themes",
        max_length=200,
        required=False,
        help_text="For example, drift in planning; voice of the child",
        error_messages={"max_length": "The themes must be 200 characters or fewer"},
    )
    actions = _text_field("Actions from the audit", rows=3)
    actions_due_on = date_field("the actions are due", required=False)

    def prepare(self) -> None:
        self.initial_if_unset(audited_on=council_today())

    def record(self) -> CaseAudit:
        data = self.cleaned_data
        return services.case_audit_record(
            child=self.child,
            audited_on=data["audited_on"],
            grade=data["grade"],
            moderated_grade=data["moderated_grade"] or "",
            themes=data["themes"],
            actions=data["actions"],
            actions_due_on=data["actions_due_on"],
            acting_user=self.acting_user,
        )


class SupervisionForm(StepForm):
    """A supervision of a worker (by default the child's allocated one) in which this child
    was discussed, by the signed-in manager."""

    worker = _worker_choice(
        "Who was supervised",
        error="Select who was supervised",
        required=True,
    )
    held_on = date_field("the supervision was held")
    kind = choice_field(
        "Kind of supervision", SupervisionKind.choices, error="Select the kind of supervision"
    )
    next_due_on = date_field("the next supervision is due", required=False)

    def prepare(self) -> None:
        self.fields["worker"].choices = [("", "Select one"), *worker_choices()]  # type: ignore[attr-defined]
        allocation = allocation_current(self.child)
        self.initial_if_unset(
            worker=allocation.worker.staff_id if allocation and allocation.worker else None,
            held_on=council_today(),
            kind=SupervisionKind.CASE,
        )

    def record(self) -> Supervision:
        data = self.cleaned_data
        return services.supervision_record(
            worker=Worker.objects.get(staff_id=data["worker"]),
            held_on=data["held_on"],
            kind=data["kind"],
            children_discussed=[self.child],
            next_due_on=data["next_due_on"],
            acting_user=self.acting_user,
        )


class AllocationForm(StepForm):
    team = forms.ChoiceField(
        label="Team",
        choices=[],
        widget=forms.Select,
        help_text="The teams you can allocate in",
        error_messages={"required": "Select the team", "invalid_choice": "Select the team"},
    )
    role = choice_field(
        "Allocated as", AllocationRole.choices, error="Select what the child is allocated as"
    )
    worker = _worker_choice(
        "Worker",
        error="Select the worker",
        required=False,
    )
    started_on = date_field("the allocation starts")
    change_reason = choice_field(
        "Why the child's social worker is changing, if they are",
        SocialWorkerChangeReason.choices,
        error="Select why the child's social worker is changing",
        required=False,
        radios=False,
    )

    def prepare(self) -> None:
        teams = [
            team
            for team in Team.objects.order_by("name")
            if team_people_manage_allowed(self.acting_user, team)
        ]
        self.fields["team"].choices = [("", "Select one"), *((t.code, t.name) for t in teams)]  # type: ignore[attr-defined]
        self.fields["worker"].choices = [  # type: ignore[attr-defined]
            ("", "No named worker (held on duty or by a manager)"),
            *worker_choices(),
        ]
        allocation = allocation_current(self.child)
        self.initial_if_unset(
            team=allocation.team.code if allocation else None,
            role=AllocationRole.SOCIAL_WORKER,
            started_on=council_today(),
        )

    def record(self) -> Allocation:
        data = self.cleaned_data
        return people_services.allocation_start(
            child=self.child,
            team=Team.objects.get(code=data["team"]),
            role=data["role"],
            started_on=data["started_on"],
            worker=Worker.objects.get(staff_id=data["worker"]) if data["worker"] else None,
            change_reason=data["change_reason"] or "",
            acting_user=self.acting_user,
        )


STEPS = (
    Step(
        slug="management-decision",
        title="Record a management decision",
        stage=STAGE,
        form=DecisionForm,
        done="Decision recorded",
        description="Record what was decided and why: a decision is not recorded without its "
        "rationale.",
    ),
    Step(
        slug="case-note",
        title="Write a case note",
        stage=STAGE,
        form=CaseNoteForm,
        done="Case note recorded",
    ),
    Step(
        slug="case-note-amend",
        title="Amend a case note",
        stage=STAGE,
        form=CaseNoteAmendForm,
        done="Case note amended",
        offered=lambda child: child.case_notes.exists(),
        description="An amendment is added after the note; the note as first written is kept.",
    ),
    Step(
        slug="case-audit",
        title="Record a case audit",
        stage=STAGE,
        form=CaseAuditForm,
        done="Case audit recorded",
    ),
    Step(
        slug="supervision",
        title="Record a supervision discussing this child",
        stage=STAGE,
        form=SupervisionForm,
        done="Supervision recorded",
        allowed=supervision_record_allowed,
    ),
    Step(
        slug="allocation",
        title="Allocate the child",
        stage=STAGE,
        form=AllocationForm,
        done="Allocation recorded",
        allowed=people_manage_allowed,
        description="Team managers allocate in their own teams; a new allocation ends the "
        "child's open allocation in the same role.",
    ),
)

"""Case notes, decisions with their rationale, supervision, audits, complaints (model §5)."""

from django.db import models
from django.db.models import Q

from lineofsight.core.models import Record
from lineofsight.journey.constants import (
    AuditGrade,
    CaseNoteKind,
    ComplaintOutcome,
    ComplaintStage,
    DecisionKind,
    SupervisionKind,
)
from lineofsight.people.models import Child, Worker


class CaseNote(Record):
    """Amended only by appending a new note that points at the one it amends."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="case_notes")
    written_at = models.DateTimeField()
    author = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=25, choices=CaseNoteKind.choices)
    text = models.TextField()
    is_significant = models.BooleanField(default=False)
    amends = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amendments"
    )


class Decision(Record):
    """A management decision. The rationale is required: inspectors keep finding it missing."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="decisions")
    made_at = models.DateTimeField()
    made_by = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=25, choices=DecisionKind.choices)
    decision = models.TextField()
    rationale = models.TextField()
    actions = models.TextField(blank=True)
    actions_due_on = models.DateField(null=True, blank=True)
    supervision = models.ForeignKey(
        "journey.Supervision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(rationale=""), name="decision_has_rationale")
        ]


class Supervision(Record):
    worker = models.ForeignKey(Worker, on_delete=models.CASCADE, related_name="supervisions")
    supervisor = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField()
    kind = models.CharField(max_length=12, choices=SupervisionKind.choices)
    next_due_on = models.DateField(null=True, blank=True)


class SupervisionDiscussion(Record):
    """A child discussed in a supervision session."""

    supervision = models.ForeignKey(
        Supervision, on_delete=models.CASCADE, related_name="discussions"
    )
    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, related_name="supervision_discussions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["supervision", "child"], name="child_discussed_once")
        ]


class CaseAudit(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="case_audits")
    audited_on = models.DateField()
    auditor = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    grade = models.CharField(max_length=25, choices=AuditGrade.choices)
    moderated_grade = models.CharField(max_length=25, blank=True, choices=AuditGrade.choices)
    themes = models.CharField(max_length=200, blank=True)
    actions = models.TextField(blank=True)
    actions_due_on = models.DateField(null=True, blank=True)


class Complaint(Record):
    child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    received_on = models.DateField()
    stage = models.CharField(max_length=1, choices=ComplaintStage.choices)
    about = models.CharField(max_length=200)
    outcome = models.CharField(max_length=20, blank=True, choices=ComplaintOutcome.choices)
    responded_on = models.DateField(null=True, blank=True)
    learning = models.TextField(blank=True)

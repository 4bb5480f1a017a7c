"""Improvement actions from inspections and board challenge (model §6)."""

from django.conf import settings
from django.db import models

from lineofsight.core.models import Record
from lineofsight.journey.constants import ImprovementStatus
from lineofsight.people.models import Worker


class ImprovementAction(Record):
    text = models.TextField()
    source = models.CharField(max_length=200)
    owner = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ImprovementStatus.choices)
    evidence = models.TextField(blank=True)
    linked_indicators = models.CharField(max_length=300, blank=True)


class ScorecardSnapshot(models.Model):
    """A board pack as presented: its whole document and the code that computed it, so the
    same pack can be produced again exactly however the records change afterwards."""

    board = models.CharField(max_length=60)
    period = models.CharField(max_length=30)
    period_start = models.DateField()
    period_end = models.DateField()
    team = models.CharField(max_length=20, blank=True)
    council = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=300)
    code_version = models.CharField(max_length=60)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    document = models.JSONField()  # the pack's JSON output, commentary included

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.board} {self.period} ({self.created_at:%Y-%m-%d %H:%M})"


class ScorecardCommentary(models.Model):
    """A manager's commentary on a board pack's section or indicator for a period. Never
    overwritten: each save is a new row, the latest is shown, and the rest is its history."""

    board = models.CharField(max_length=60)
    period = models.CharField(max_length=30)
    team = models.CharField(max_length=20, blank=True)
    key = models.CharField(max_length=100)  # "s2" for a section, "s2/<indicator code>" for a line
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_at", "-id"]
        indexes = [models.Index(fields=["board", "period", "team", "key"])]

    def __str__(self) -> str:
        return f"{self.board} {self.period} {self.key} by {self.author_id}"

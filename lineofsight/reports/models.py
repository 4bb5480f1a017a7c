"""Improvement actions from inspections and board challenge (model §6)."""

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

"""DfE validation failures of the returns the records make, stored so that a child's record
can show its own without validating the whole council on every view (ADR 0010)."""

from __future__ import annotations

from django.db import models


class ValidationFailure(models.Model):
    """One failure of one rule, as of the last refresh."""

    return_name = models.CharField(max_length=12)  # cin_census or ssda903
    year = models.PositiveSmallIntegerField()  # the collection year ending 31 March
    rule = models.CharField(max_length=12)
    severity = models.CharField(max_length=5)  # error or query
    child = models.ForeignKey(
        "people.Child",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="validation_failures",
    )
    table = models.CharField(max_length=40)
    row = models.IntegerField(null=True, blank=True)
    values = models.TextField(blank=True)
    message = models.TextField()
    computed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["child", "year"]), models.Index(fields=["rule"])]
        ordering = ["return_name", "rule", "table", "row"]

    def __str__(self) -> str:
        return f"{self.rule} ({self.severity}) {self.table} row {self.row}"

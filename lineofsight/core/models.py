"""Shared model bases and the audit log."""

import re

from django.conf import settings
from django.db import models


class Timestamped(models.Model):
    """Bookkeeping times; not part of the journey frames."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Record(Timestamped):
    """A row of the journey model with a stable natural key.

    The natural key (`key`) is what leaves the database (frames, Parquet, exports);
    database primary keys never do.
    """

    key = models.CharField(max_length=40, unique=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.key

    @property
    def record_type(self) -> str:
        """The record's kind as the audit log and the chronology name it, in snake case:
        `ChildProtectionPlan` is `child_protection_plan`, `CLAEpisode` `cla_episode`."""
        return re.sub(
            r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", type(self).__name__
        ).lower()


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed"
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    EXPORTED = "exported", "Exported"
    LOADED = "loaded", "Loaded in bulk"
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"


class AuditEvent(models.Model):
    """One access to or change of a record. Never edited, never deleted."""

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    record_type = models.CharField(max_length=60)
    record_key = models.CharField(max_length=60, blank=True)
    child_id = models.CharField(max_length=20, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at"]

    def __str__(self) -> str:
        return (
            f"{self.occurred_at:%Y-%m-%d %H:%M} {self.action} {self.record_type} {self.record_key}"
        )


class Council(models.Model):
    """The local authority this installation serves (one row)."""

    name = models.CharField(max_length=100)
    la_number = models.CharField(max_length=3, blank=True)  # old DfE 3-digit code, e.g. 335
    la_code = models.CharField(max_length=9, blank=True)  # ONS code, e.g. E08000030
    region = models.CharField(max_length=60, blank=True)
    reference_date = models.DateField(help_text="The 31 March the headline figures are taken at")
    child_population = models.PositiveIntegerField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)
    synth_seed = models.IntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

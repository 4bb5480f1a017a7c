"""Materialised deadlines and caseloads, and a council's local timescale settings.

`Deadline` and `CaseloadEntry` are the engine's output for the council's "today", written in
bulk by `timescales.services.deadlines_refresh`, so that the My work, Team and Service pages
read indexed rows instead of running the engine on every request.
"""

from django.conf import settings
from django.db import models

from lineofsight.core.models import Timestamped


class DeadlineStatus(models.TextChoices):
    MET_ON_TIME = "met_on_time", "Met on time"
    MET_LATE = "met_late", "Met late"
    OVERDUE = "overdue", "Overdue"
    MISSED = "missed", "Missed"
    DUE_SOON = "due_soon", "Due soon"
    NOT_YET_DUE = "not_yet_due", "Not yet due"


OPEN_STATUSES = (DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON, DeadlineStatus.NOT_YET_DUE)


class Deadline(models.Model):
    """One obligation as the engine computed it on `computed_as_of`."""

    obligation_id = models.CharField(max_length=120, unique=True)
    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="deadlines")
    rule = models.CharField(max_length=8)
    title = models.CharField(max_length=120)
    area = models.CharField(max_length=20)
    tag = models.CharField(max_length=10)
    seq = models.PositiveIntegerField(null=True, blank=True)
    start_kind = models.CharField(max_length=30)
    start_key = models.CharField(max_length=40)
    start_on = models.DateField()
    due_on = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True)
    met_kind = models.CharField(max_length=30, blank=True)
    met_key = models.CharField(max_length=40, blank=True)
    met_on = models.DateField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)
    context_end = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=12, choices=DeadlineStatus.choices)
    days_overdue = models.IntegerField(default=0)
    worker = models.ForeignKey(
        "people.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(
        "people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    allocation_role = models.CharField(max_length=20, blank=True)
    computed_as_of = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["team", "status", "due_on"]),
            models.Index(fields=["worker", "status", "due_on"]),
            models.Index(fields=["child", "due_on"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.rule} for {self.child_id} due {self.due_on:%d %b %Y}"


class CaseType(models.TextChoices):
    CLA = "cla", "Looked after"
    CP = "cp", "Child protection"
    CIN = "cin", "Child in need"
    CARE_LEAVER = "care_leaver", "Care leaver"


class Holding(models.TextChoices):
    ALLOCATED = "allocated", "Allocated"
    HELD_BY_MANAGER = "held_by_manager", "Held by a manager"
    DUTY = "duty", "On duty"
    UNALLOCATED = "unallocated", "Unallocated"


class CaseloadEntry(models.Model):
    """A child with an open case on `computed_as_of`, its kind and who holds it."""

    child = models.OneToOneField(
        "people.Child", on_delete=models.CASCADE, related_name="caseload_entry"
    )
    case_type = models.CharField(max_length=12, choices=CaseType.choices)
    case_opened_on = models.DateField(null=True, blank=True)
    holding = models.CharField(max_length=16, choices=Holding.choices)
    worker = models.ForeignKey(
        "people.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(
        "people.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_since = models.DateField(null=True, blank=True)
    waiting_since = models.DateField(null=True, blank=True)
    days_waiting = models.IntegerField(null=True, blank=True)
    computed_as_of = models.DateField()

    class Meta:
        verbose_name_plural = "caseload entries"
        indexes = [
            models.Index(fields=["team", "holding"]),
            models.Index(fields=["worker"]),
        ]

    def __str__(self) -> str:
        return f"{self.child_id}: {self.case_type}, {self.holding}"


class ClosureDay(Timestamped):
    """A day the council's offices are closed (e.g. between Christmas and New Year).

    Lengthens local standards only; statutory timescales and national measures never see it.
    """

    on = models.DateField(unique=True)
    reason = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.on:%d %b %Y}: {self.reason}"


class AllowanceUnit(models.TextChoices):
    WORKING_DAYS = "working_days", "Working days"
    CALENDAR_DAYS = "calendar_days", "Calendar days"
    WEEKS = "weeks", "Weeks"
    CALENDAR_MONTHS = "calendar_months", "Calendar months"


class LocalStandardSetting(Timestamped):
    """A council's own value for a local timescale (T-02, T-06, T-07, T-17, T-20, …)."""

    rule = models.CharField(max_length=8, unique=True)
    unit = models.CharField(max_length=16, choices=AllowanceUnit.choices)
    first = models.PositiveSmallIntegerField()
    then = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=300)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.rule}: {self.first} {self.unit}"

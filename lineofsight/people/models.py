"""Children, the people around them, and the organisation that serves them (model §1)."""

from datetime import date

from django.db import models
from django.db.models import F, Q

from lineofsight.core.models import Record, Timestamped
from lineofsight.people.constants import (
    AllocationRole,
    Disability,
    Ethnicity,
    RelationshipType,
    ServiceArea,
    Sex,
    SocialWorkerChangeReason,
    UPNUnknownReason,
    WorkerRole,
)


def ends_after_starts(start: str, end: str, name: str) -> models.CheckConstraint:
    """A row whose end date, when known, is not before its start date."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
    )


def reason_with_date(date: str, reason: str, name: str) -> models.CheckConstraint:
    """A reason code exactly when its date is recorded (an end and why it ended)."""
    return models.CheckConstraint(
        condition=(Q(**{f"{date}__isnull": True}) & Q(**{reason: ""}))
        | (Q(**{f"{date}__isnull": False}) & ~Q(**{reason: ""})),
        name=name,
    )


class Child(Timestamped):
    """A child (or unborn child) known to the service."""

    child_id = models.CharField(max_length=20, unique=True)
    upn = models.CharField(max_length=13, blank=True)
    former_upn = models.CharField(max_length=13, blank=True)
    upn_unknown_reason = models.CharField(
        max_length=4, blank=True, choices=UPNUnknownReason.choices
    )
    nhs_number = models.CharField(max_length=10, blank=True)
    # Blank when the record came from a statutory return, which carries no names.
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices)
    gender_identity = models.CharField(max_length=60, blank=True)
    born_on = models.DateField(null=True, blank=True)
    expected_birth_on = models.DateField(null=True, blank=True)
    died_on = models.DateField(null=True, blank=True)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices)
    is_uasc = models.BooleanField(default=False)
    uasc_ceased_on = models.DateField(null=True, blank=True)
    home_postcode = models.CharField(max_length=8, blank=True)
    address = models.CharField(max_length=200, blank=True)
    first_language = models.CharField(max_length=40, blank=True)
    religion = models.CharField(max_length=40, blank=True)
    # Motherhood (SSDA903 MOTHER, MC_DOB): whether it has been recorded at all, so that "not a
    # mother" is a fact rather than a blank, and the date of birth of the young person's first
    # child (none recorded: not a mother, or not known when motherhood is not recorded).
    motherhood_recorded = models.BooleanField(default=False)
    first_child_born_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "children"
        constraints = [
            models.CheckConstraint(
                condition=Q(first_child_born_on__isnull=True) | Q(motherhood_recorded=True),
                name="child_first_child_only_when_motherhood_recorded",
            ),
            models.CheckConstraint(
                condition=Q(first_child_born_on__isnull=True)
                | Q(born_on__isnull=True)
                | Q(first_child_born_on__gt=F("born_on")),
                name="child_first_child_born_after_the_child",
            ),
            models.CheckConstraint(
                condition=Q(born_on__isnull=False) | Q(expected_birth_on__isnull=False),
                name="child_has_birth_or_expected_birth_date",
            ),
            models.CheckConstraint(
                condition=Q(died_on__isnull=True)
                | Q(born_on__isnull=True)
                | Q(died_on__gte=F("born_on")),
                name="child_dies_after_birth",
            ),
        ]

    def __str__(self) -> str:
        return self.child_id

    @property
    def display_name(self) -> str:
        """The child's name, or "Child <id>" for a record (from a return) that carries none."""
        return f"{self.given_name} {self.family_name}".strip() or f"Child {self.child_id}"


class ChildDisability(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="disabilities")
    disability = models.CharField(max_length=4, choices=Disability.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "disability"], name="child_disability_once")
        ]


class Person(Record):
    """A parent, carer, sibling or other significant person."""

    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    born_on = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=8, blank=True)


class Relationship(Record):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="relationships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    relationship_type = models.CharField(max_length=20, choices=RelationshipType.choices)
    has_parental_responsibility = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["child", "person", "relationship_type"], name="relationship_once"
            ),
        ]

    @property
    def living_with_since(self) -> date | None:
        """The day the child started living with the person, while they still do (read from
        `household_periods`, so prefetch them for a list)."""
        return next(
            (p.started_on for p in self.household_periods.all() if p.ended_on is None), None
        )


class HouseholdPeriod(Record):
    """A time the child lived with someone they are related to, from the day they started to
    the day they stopped (open while they still do). A child who goes home from care to the
    parent they lived with before has a second period with that parent."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="household_periods"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            ends_after_starts("started_on", "ended_on", "household_period_in_order"),
            models.UniqueConstraint(
                fields=["relationship", "started_on"], name="household_period_starts_once"
            ),
        ]


class Team(Timestamped):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    service_area = models.CharField(max_length=20, choices=ServiceArea.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    def __str__(self) -> str:
        return self.name


class Worker(Timestamped):
    staff_id = models.CharField(max_length=20, unique=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    role = models.CharField(max_length=30, choices=WorkerRole.choices)
    is_qualified = models.BooleanField(default=True)
    is_agency = models.BooleanField(default=False)
    fte = models.DecimalField(max_digits=3, decimal_places=2, default=1)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            ends_after_starts("started_on", "ended_on", "worker_dates_in_order"),
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="worker_fte_range"),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"


class TeamMembership(Record):
    worker = models.ForeignKey(Worker, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [ends_after_starts("started_on", "ended_on", "membership_dates_in_order")]


class Allocation(Record):
    """A worker's involvement with a child in a role, from one date to another."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(
        Worker, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    role = models.CharField(max_length=20, choices=AllocationRole.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    change_reason = models.CharField(
        max_length=6, blank=True, choices=SocialWorkerChangeReason.choices
    )

    class Meta:
        constraints = [
            ends_after_starts("started_on", "ended_on", "allocation_dates_in_order"),
            # Held on duty or by a manager may have no named worker; every other role has one.
            models.CheckConstraint(
                condition=Q(worker__isnull=False)
                | Q(role__in=[AllocationRole.DUTY, AllocationRole.HELD_BY_MANAGER]),
                name="allocation_names_worker",
            ),
        ]

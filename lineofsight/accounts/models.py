"""Users of Line of Sight and the role each one holds."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from lineofsight.core.models import Record


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Service manager / head of service"
    IRO = "iro", "IRO / conference chair"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    BUSINESS_SUPPORT = "business_support", "Business support"
    ADMINISTRATOR = "administrator", "Administrator"
    ELECTED_MEMBER = "elected_member", "Elected member"


class User(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER)
    # The worker record this user acts as, when they hold cases or manage a team.
    worker = models.OneToOneField(
        "people.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )


class SignInThrottle(models.Model):
    """Failed sign-ins in a row for one username, and the lockout they caused.

    Keyed by the username as typed (stripped, lower case), whether or not such a user exists,
    so a lockout says nothing about which usernames are real. A successful sign-in deletes it.
    """

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveSmallIntegerField(default=0)
    last_failed_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.username}: {self.failures} failed"


class RestrictionReason(models.TextChoices):
    STAFF_CONNECTION = "staff_connection", "Connected to a member of staff"
    SEALED_ADOPTION = "sealed_adoption", "Sealed adoption"
    PUBLIC_PROFILE = "public_profile", "High public profile"
    RISK_TO_SAFETY = "risk_to_safety", "Risk to the child if the record were seen"
    OTHER = "other", "Other (say why in the note)"


class RestrictedRecord(Record):
    """A child's record closed to everyone but the people named on it (`RestrictedViewer`).

    In force until lifted; a child has at most one restriction in force at a time, and the
    lifted ones stay as history.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=30, choices=RestrictionReason.choices)
    note = models.TextField(blank=True)
    restricted_on = models.DateField()
    restricted_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    lifted_on = models.DateField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    viewers = models.ManyToManyField(
        User,
        through="RestrictedViewer",
        through_fields=("restriction", "user"),
        related_name="restricted_records",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(lifted_on__isnull=True),
                name="restrictedrecord_one_in_force_per_child",
            ),
            models.CheckConstraint(
                condition=Q(lifted_on__isnull=True, lifted_by__isnull=True)
                | Q(lifted_on__isnull=False, lifted_by__isnull=False),
                name="restrictedrecord_lifted_with_who",
            ),
        ]


class RestrictedViewer(Record):
    """One person named on a restricted record: they may still open it (by their role's rule)."""

    restriction = models.ForeignKey(
        RestrictedRecord, on_delete=models.CASCADE, related_name="named"
    )
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    named_on = models.DateField()
    named_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["restriction", "user"], name="restrictedviewer_once_per_restriction"
            )
        ]

"""Users of Line of Sight and the role each one holds."""

from django.contrib.auth.models import AbstractUser
from django.db import models


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

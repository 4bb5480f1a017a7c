"""Reads of users, their sign-in state and the worker records they act as."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from lineofsight.accounts.models import Role, User
from lineofsight.core.selectors import council_get
from lineofsight.people.constants import AllocationRole, WorkerRole
from lineofsight.people.models import Worker

# Which workers a demo user of each role may act as, and the allocations that make one the
# best example (most children allocated on the council's reference date). Roles absent here
# (administrator, elected member) hold no cases and get no worker.
DEMO_WORKER_ROLES: dict[Role, tuple[tuple[WorkerRole, ...], AllocationRole | None]] = {
    Role.SOCIAL_WORKER: (
        (
            WorkerRole.SOCIAL_WORKER,
            WorkerRole.SENIOR_PRACTITIONER,
            WorkerRole.ADVANCED_PRACTITIONER,
            WorkerRole.ASYE,
        ),
        AllocationRole.SOCIAL_WORKER,
    ),
    Role.TEAM_MANAGER: ((WorkerRole.TEAM_MANAGER,), None),
    Role.HEAD_OF_SERVICE: ((WorkerRole.HEAD_OF_SERVICE, WorkerRole.SERVICE_MANAGER), None),
    Role.IRO: ((WorkerRole.IRO, WorkerRole.CONFERENCE_CHAIR), AllocationRole.IRO),
    Role.PERSONAL_ADVISER: ((WorkerRole.PERSONAL_ADVISER,), AllocationRole.PERSONAL_ADVISER),
    Role.PERFORMANCE_ANALYST: ((WorkerRole.PERFORMANCE_ANALYST,), None),
    Role.BUSINESS_SUPPORT: ((WorkerRole.BUSINESS_SUPPORT,), None),
}


def sign_in_key(username: str) -> str:
    """The form of a username that sign-in lockouts are kept under."""
    return username.strip().lower()[:150]


def user_account_get(*, viewer: User) -> User:
    """The signed-in user's own account, with the worker record they act as."""
    return User.objects.select_related("worker").get(pk=viewer.pk)


def demo_worker_for_role(*, role: Role) -> Worker | None:
    """The worker a demo user of `role` should act as, or None if there is no suitable one.

    A current worker in a matching job, not already linked to another user; where the role
    holds cases, the one with most open allocations in that role (ties by staff ID), and
    for team managers one who manages a team. Deterministic for a given database.
    """
    if role not in DEMO_WORKER_ROLES:
        return None
    worker_roles, allocation_role = DEMO_WORKER_ROLES[role]
    as_of = _reference_date()
    workers = (
        Worker.objects.filter(role__in=worker_roles, started_on__lte=as_of)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=as_of))
        .filter(user__isnull=True)
    )
    if role == Role.TEAM_MANAGER:
        workers = workers.annotate(
            open_count=Count(
                "memberships",
                filter=Q(memberships__started_on__lte=as_of)
                & (Q(memberships__ended_on__isnull=True) | Q(memberships__ended_on__gt=as_of)),
            )
        )
    elif allocation_role is not None:
        workers = workers.annotate(
            open_count=Count(
                "allocations",
                filter=Q(allocations__role=allocation_role, allocations__started_on__lte=as_of)
                & (Q(allocations__ended_on__isnull=True) | Q(allocations__ended_on__gt=as_of)),
            )
        )
    else:
        return workers.order_by("staff_id").first()
    return workers.order_by("-open_count", "staff_id").first()


def _reference_date() -> date:
    council = council_get()
    return council.reference_date if council else timezone.localdate()

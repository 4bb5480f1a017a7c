"""Writes to users, sign-in state and restricted records; each records its own audit event."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from lineofsight.accounts import access
from lineofsight.accounts.domain import restriction as restriction_rules
from lineofsight.accounts.domain.sign_in import sign_in_key
from lineofsight.accounts.models import (
    RestrictedRecord,
    RestrictedViewer,
    RestrictionReason,
    Role,
    SignInThrottle,
    User,
)
from lineofsight.core.models import AuditAction, AuditEvent, Record
from lineofsight.core.selectors import council_get, council_today
from lineofsight.people.constants import AllocationRole, WorkerRole
from lineofsight.people.models import Child, Worker

USER_RECORD_TYPE = "accounts.User"


class SignInRefusal(StrEnum):
    BAD_CREDENTIALS = "bad_credentials"
    LOCKED_OUT = "locked_out"


@dataclass(frozen=True, kw_only=True)
class SignInResult:
    user: User | None = None
    refusal: SignInRefusal | None = None
    locked_until: datetime | None = None


def sign_in_max_failures() -> int:
    return int(getattr(settings, "LINEOFSIGHT_SIGN_IN_MAX_FAILURES", 5))


def sign_in_lockout() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "LINEOFSIGHT_SIGN_IN_LOCKOUT_MINUTES", 15)))


@transaction.atomic
def sign_in_attempt(*, request: HttpRequest | None, username: str, password: str) -> SignInResult:
    """Check a username and password, honouring and updating the lockout; audit the outcome.

    After `LINEOFSIGHT_SIGN_IN_MAX_FAILURES` wrong attempts in a row for a username, every
    attempt (right or wrong) is refused until `LINEOFSIGHT_SIGN_IN_LOCKOUT_MINUTES` have passed
    since the last of them. Signing the user in (the session) is left to the caller.
    """
    key = sign_in_key(username)
    now = timezone.now()
    throttle = SignInThrottle.objects.select_for_update().filter(username=key).first()
    if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
        _audit_sign_in(request=request, username=username, refusal=SignInRefusal.LOCKED_OUT)
        return SignInResult(refusal=SignInRefusal.LOCKED_OUT, locked_until=throttle.locked_until)

    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User):
        locked_until = _sign_in_failure_count(key=key, now=now)
        refusal = SignInRefusal.LOCKED_OUT if locked_until else SignInRefusal.BAD_CREDENTIALS
        _audit_sign_in(
            request=request,
            username=username,
            refusal=SignInRefusal.BAD_CREDENTIALS,
            locked=locked_until is not None,
        )
        return SignInResult(refusal=refusal, locked_until=locked_until)

    if throttle is not None:
        throttle.delete()
    _audit_sign_in(request=request, username=username, user=user)
    return SignInResult(user=user)


def _sign_in_failure_count(*, key: str, now: datetime) -> datetime | None:
    """Count one more failure for `key`; the time the lockout ends if this one locks it."""
    throttle, _ = SignInThrottle.objects.select_for_update().get_or_create(username=key)
    if throttle.locked_until is not None:  # an earlier lockout has run out: start again
        throttle.failures = 0
        throttle.locked_until = None
    throttle.failures += 1
    throttle.last_failed_at = now
    if throttle.failures >= sign_in_max_failures():
        throttle.locked_until = now + sign_in_lockout()
    throttle.save(update_fields=["failures", "last_failed_at", "locked_until"])
    return throttle.locked_until


def _audit_sign_in(
    *,
    request: HttpRequest | None,
    username: str,
    user: User | None = None,
    refusal: SignInRefusal | None = None,
    locked: bool = False,
) -> None:
    detail: dict[str, object] = {
        "username": username[:150],
        "remote_addr": request.META.get("REMOTE_ADDR", "") if request is not None else "",
    }
    if refusal is not None:
        detail["reason"] = refusal.value
        detail["known_user"] = User.objects.filter(username=username).exists()
    if locked:
        detail["locked"] = True
    AuditEvent.objects.create(
        actor=user,
        action=AuditAction.SIGNED_IN if user is not None else AuditAction.SIGN_IN_FAILED,
        record_type=USER_RECORD_TYPE,
        record_key=str(user.pk) if user is not None else "",
        detail=detail,
    )


# --- Demo users -------------------------------------------------------------------------------

DEMO_PASSWORD = "line-of-sight-demo"  # noqa: S105 (the published demo password)

DEMO_USERNAMES: dict[Role, str] = {
    Role.SOCIAL_WORKER: "social.worker",
    Role.TEAM_MANAGER: "team.manager",
    Role.HEAD_OF_SERVICE: "head.of.service",
    Role.IRO: "iro",
    Role.PERSONAL_ADVISER: "personal.adviser",
    Role.PERFORMANCE_ANALYST: "analyst",
    Role.BUSINESS_SUPPORT: "business.support",
    Role.ADMINISTRATOR: "admin",
    Role.ELECTED_MEMBER: "councillor",
}


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


@dataclass(frozen=True, kw_only=True)
class DemoUser:
    username: str
    role: Role
    worker: Worker | None
    created: bool


@transaction.atomic
def demo_users_reset(*, password: str = DEMO_PASSWORD) -> list[DemoUser]:
    """Create, or reset to a known state, one demo user per role, all with `password`.

    Users in case-holding or managing roles are linked to a matching worker when the database
    has one (see `_demo_worker_for_role`). Running it again gives the same users and links.
    """
    for role, username in DEMO_USERNAMES.items():
        validate_password(password, User(username=username, role=role))
    # Unlink first, so each role can take the worker it would pick in an empty database.
    User.objects.filter(username__in=DEMO_USERNAMES.values()).update(worker=None)
    demo_users = []
    for role, username in DEMO_USERNAMES.items():
        worker = _demo_worker_for_role(role=role)
        user, created = User.objects.get_or_create(username=username)
        user.role = role
        user.worker = worker
        user.first_name = worker.given_name if worker else "Demo"
        user.last_name = worker.family_name if worker else role.label.split(" /")[0]
        user.email = ""
        user.is_active = True
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = False
        user.set_password(password)
        user.save()
        SignInThrottle.objects.filter(username=sign_in_key(username)).delete()
        AuditEvent.objects.create(
            actor=None,
            action=AuditAction.CREATED if created else AuditAction.CHANGED,
            record_type=USER_RECORD_TYPE,
            record_key=str(user.pk),
            detail={"username": username, "role": role.value, "by": "demo_users"},
        )
        demo_users.append(DemoUser(username=username, role=role, worker=worker, created=created))
    return demo_users


def _demo_worker_for_role(*, role: Role) -> Worker | None:
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


# --- Restricted records ------------------------------------------------------------------------

NO_RESTRICTION_RIGHTS = "Only a head of service or an administrator can restrict a record"
# The roles whose rule opens some child's record: only they are worth naming on a restriction.
RECORD_ROLES = access.CASE_HOLDER_ROLES | access.TEAM_ROLES | {Role.HEAD_OF_SERVICE}


def _child_for_restriction(child: Child, acting_user: User) -> Child:
    """The child, locked, once the acting user may manage restrictions. Not `child_for_write`:
    an administrator manages restrictions without being able to open the record."""
    if not access.restricted_records_manage_allowed(acting_user):
        raise PermissionDenied(NO_RESTRICTION_RIGHTS)
    return Child.objects.select_for_update().get(pk=child.pk)


def _restriction_in_force(child: Child) -> RestrictedRecord | None:
    return (
        RestrictedRecord.objects.select_for_update()
        .filter(child=child, lifted_on__isnull=True)
        .first()
    )


def _audit_restriction(
    *, acting_user: User, action: AuditAction, record: Record, child: Child, fields: list[str]
) -> None:
    AuditEvent.objects.create(
        actor=acting_user,
        action=action,
        record_type=record.record_type,
        record_key=record.key,
        child_id=child.child_id,
        detail={"fields": fields},
    )


def _new_key(prefix: str) -> str:
    # The journey services' key shape (`_steps.new_key`), kept here so accounts need not
    # import the journey services.
    return f"{prefix}-{uuid.uuid4().hex[:16].upper()}"


def _viewer_name(
    *, restriction: RestrictedRecord, child: Child, user: User, acting_user: User
) -> RestrictedViewer:
    named = RestrictedViewer.objects.create(
        key=_new_key("RSV"),
        restriction=restriction,
        user=user,
        named_on=council_today(),
        named_by=acting_user,
    )
    _audit_restriction(
        acting_user=acting_user,
        action=AuditAction.CREATED,
        record=named,
        child=child,
        fields=["user", "named_on", "named_by"],
    )
    return named


@transaction.atomic
def child_record_restrict(
    *,
    child: Child,
    reason: str,
    viewers: Sequence[User],
    note: str = "",
    acting_user: User,
) -> RestrictedRecord:
    """Restrict the child's record to `viewers` (the acting user is not named unless listed)."""
    child = _child_for_restriction(child, acting_user)
    named = list({user.pk: user for user in viewers}.values())
    restriction_rules.check_can_restrict(
        in_force=_restriction_in_force(child) is not None,
        named_count=len(named),
        reason=reason,
        reasons=RestrictionReason.values,
    )
    for user in named:
        restriction_rules.check_named_role(role=user.role, record_roles=RECORD_ROLES)
    restriction = RestrictedRecord.objects.create(
        key=_new_key("RST"),
        child=child,
        reason=reason,
        note=note,
        restricted_on=council_today(),
        restricted_by=acting_user,
    )
    _audit_restriction(
        acting_user=acting_user,
        action=AuditAction.CREATED,
        record=restriction,
        child=child,
        fields=["reason", "note", "restricted_on", "restricted_by"],
    )
    for user in named:
        _viewer_name(restriction=restriction, child=child, user=user, acting_user=acting_user)
    return restriction


@transaction.atomic
def child_record_restriction_lift(*, child: Child, acting_user: User) -> RestrictedRecord:
    """End the restriction in force: the record opens by the role rules alone again."""
    child = _child_for_restriction(child, acting_user)
    restriction = _restriction_in_force(child)
    restriction_rules.check_can_lift(in_force=restriction is not None)
    assert restriction is not None  # checked by the rule above
    restriction.lifted_on = council_today()
    restriction.lifted_by = acting_user
    restriction.save(update_fields=["lifted_on", "lifted_by", "updated_at"])
    _audit_restriction(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=restriction,
        child=child,
        fields=["lifted_on", "lifted_by"],
    )
    return restriction


@transaction.atomic
def restricted_record_name_viewer(
    *, child: Child, viewer: User, acting_user: User
) -> RestrictedViewer:
    """Name one more person on the child's restriction in force (never oneself)."""
    child = _child_for_restriction(child, acting_user)
    restriction = _restriction_in_force(child)
    restriction_rules.check_can_name(
        in_force=restriction is not None,
        already_named=restriction is not None and restriction.named.filter(user=viewer).exists(),
        naming_oneself=viewer.pk == acting_user.pk,
    )
    restriction_rules.check_named_role(role=viewer.role, record_roles=RECORD_ROLES)
    assert restriction is not None  # checked by the rule above
    return _viewer_name(restriction=restriction, child=child, user=viewer, acting_user=acting_user)

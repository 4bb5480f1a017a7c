"""Reads of users and the worker records they act as, and of restricted records."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from lineofsight.accounts.access import (
    CASE_HOLDER_ROLES,
    TEAM_ROLES,
    restricted_records_manage_allowed,
)
from lineofsight.accounts.models import RestrictedRecord, Role, User
from lineofsight.core.models import AuditAction, AuditEvent

NO_RESTRICTIONS_PAGE = "Only a head of service or an administrator manages restricted records"
RESTRICTIONS_RECORD_TYPE = "restricted records"
# The roles whose rules open a child's record: only they can usefully be named.
RECORD_ROLES = CASE_HOLDER_ROLES | TEAM_ROLES | {Role.HEAD_OF_SERVICE}


def user_account_get(*, viewer: User) -> User:
    """The signed-in user's own account, with the worker record they act as."""
    return User.objects.select_related("worker").get(pk=viewer.pk)


@dataclass(frozen=True)
class RestrictionsPage:
    restrictions: list[RestrictedRecord]  # in force, newest first, with the people named
    nameable: list[User]  # who may be named: users whose role opens records


def restrictions_list(*, viewer: User) -> RestrictionsPage:
    """The restrictions in force, for a head of service or an administrator (reading them is
    audited: the list names children)."""
    if not restricted_records_manage_allowed(viewer):
        raise PermissionDenied(NO_RESTRICTIONS_PAGE)
    restrictions = list(
        RestrictedRecord.objects.filter(lifted_on__isnull=True)
        .select_related("child", "restricted_by")
        .prefetch_related("named__user")
        .order_by("-restricted_on", "-pk")
    )
    AuditEvent.objects.create(
        actor=viewer,
        action=AuditAction.VIEWED,
        record_type=RESTRICTIONS_RECORD_TYPE,
        detail={"child_ids": [r.child.child_id for r in restrictions]},
    )
    nameable = list(
        User.objects.filter(is_active=True, role__in=RECORD_ROLES).order_by(
            "last_name", "first_name", "username"
        )
    )
    return RestrictionsPage(restrictions=restrictions, nameable=nameable)

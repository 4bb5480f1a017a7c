"""Reads of the audit log about one child: who has viewed or changed the child's record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from lineofsight.accounts.access import child_access_log_allowed
from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.people.models import Child

ACCESS_LOG_RECORD_TYPE = "access log"
# A list behind a scorecard number names its children in `detail["child_ids"]`, not in
# `child_id` (see `reports.selectors.children_behind`).
CHILD_LIST_RECORD_TYPE = "indicator_children"
NO_ACCESS_LOG = "You cannot see who has viewed this child's record"


@dataclass(frozen=True, kw_only=True)
class AccessLogEntry:
    who: str  # the person's name, or "The system" for a load or a job
    username: str
    role: str  # the role's label, as the person holds it now
    occurred_at: dt.datetime
    action: str  # the action's label: Viewed, Created, Changed...
    record_type: str


def _entry(event: AuditEvent) -> AccessLogEntry:
    actor = event.actor
    return AccessLogEntry(
        who=(actor.get_full_name() or actor.username) if actor else "The system",
        username=actor.username if actor else "",
        role=Role(actor.role).label if actor else "",
        occurred_at=event.occurred_at,
        action=AuditAction(event.action).label,
        record_type=event.record_type,
    )


def _names_child(event: AuditEvent, child_id: str) -> bool:
    if event.child_id == child_id:
        return True
    named = event.detail.get("child_ids") if isinstance(event.detail, dict) else None
    return isinstance(named, list) and child_id in named


def child_access_log(*, viewer: User, child: Child) -> list[AccessLogEntry]:
    """Every audit event about the child, newest first; reading it is itself audited.

    Raises PermissionDenied unless `child_access_log_allowed`.
    """
    if not child_access_log_allowed(viewer, child):
        raise PermissionDenied(NO_ACCESS_LOG)
    # The quoted ID narrows the lists' text match ("C1" is not "C10"); `_names_child` decides.
    about = Q(child_id=child.child_id) | Q(
        record_type=CHILD_LIST_RECORD_TYPE, detail__icontains=f'"{child.child_id}"'
    )
    events = (
        AuditEvent.objects.filter(about).select_related("actor").order_by("-occurred_at", "-pk")
    )
    entries = [_entry(event) for event in events if _names_child(event, child.child_id)]
    AuditEvent.objects.create(
        actor=viewer,
        action=AuditAction.VIEWED,
        record_type=ACCESS_LOG_RECORD_TYPE,
        record_key=child.child_id,
        child_id=child.child_id,
    )
    return entries

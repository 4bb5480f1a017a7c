"""Writes to the audit log that belong to no one app: a list leaving the service as a file."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent


@transaction.atomic
def list_export(
    *,
    acting_user: User,
    record_type: str,
    record_key: str = "",
    file_format: str,
    rows: int,
    child_ids: Iterable[str] = (),
    child_id: str = "",
) -> AuditEvent:
    """Record that `acting_user` downloaded a list (`record_type`, e.g. "team_deadlines") as a
    file, naming every child in it so a subject access request can find the export."""
    return AuditEvent.objects.create(
        actor=acting_user,
        action=AuditAction.EXPORTED,
        record_type=record_type,
        record_key=record_key,
        child_id=child_id,
        detail={
            "format": file_format,
            "rows": rows,
            "child_ids": sorted(set(child_ids)),
        },
    )

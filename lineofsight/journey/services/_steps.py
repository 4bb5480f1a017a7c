"""The steps every journey write shares: the access check and lock, the date checks, new
natural keys and the audit row."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lineofsight.accounts.access import child_access_allowed
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent, Record
from lineofsight.core.selectors import council_today
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain.sequence import BirthTiming, Period
from lineofsight.journey.models import ChildProtectionPlan, Referral
from lineofsight.people.models import Child

NO_ACCESS = "You cannot change this child's record"

R = TypeVar("R", bound=Record)


def new_key(prefix: str) -> str:
    """A natural key with the synthesiser's prefix (`REF-000001`): a random suffix keeps a key
    made here unique without counting rows, and apart from the synthesiser's numbered ones."""
    return f"{prefix}-{uuid.uuid4().hex[:16].upper()}"


def audit(
    *,
    acting_user: User,
    action: AuditAction,
    record: Record,
    child: Child,
    fields: list[str] | None = None,
) -> None:
    AuditEvent.objects.create(
        actor=acting_user,
        action=action,
        record_type=record.record_type,
        record_key=record.key,
        child_id=child.child_id,
        detail={"fields": fields} if fields else {},
    )


def record_created(
    model: type[R], *, child: Child, acting_user: User, prefix: str, **values: object
) -> R:
    """Create the record with a new key and its CREATED audit row under the child's id. A
    model with a `child` field is given the child: the keyword names the audit row's child."""
    if any(field.name == "child" for field in model._meta.concrete_fields):
        values["child"] = child
    record = model._default_manager.create(key=new_key(prefix), **values)
    audit(acting_user=acting_user, action=AuditAction.CREATED, record=record, child=child)
    return record


def record_changed(record: R, *, child: Child, acting_user: User, **values: object) -> R:
    """Set the values on the (locked) record in the order given, save just those fields and
    write its CHANGED audit row naming them in that order."""
    for name, value in values.items():
        setattr(record, name, value)
    fields = list(values)
    record.save(update_fields=[*fields, "updated_at"])
    audit(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=record,
        child=child,
        fields=fields,
    )
    return record


def child_for_write(child: Child, acting_user: User) -> Child:
    """The child, locked for this transaction, once the acting user may open its record; its
    deadlines are recalculated once the transaction commits."""
    if not child_access_allowed(acting_user, child):
        raise PermissionDenied(NO_ACCESS)
    locked = Child.objects.select_for_update().get(pk=child.pk)
    _recalculate_on_commit(locked, acting_user)
    return locked


@dataclass(frozen=True)
class _DeadlinesRecalculation:
    """The on-commit callback for one child, recognisable so it is registered only once."""

    child: Child
    acting_user: User

    def __call__(self) -> None:
        # Imported here: timescales reads journey frames, so importing it at the top would
        # make journey depend on timescales at import time.
        from lineofsight.timescales.services import deadlines_recalculate

        deadlines_recalculate(child=self.child, acting_user=self.acting_user)


def _recalculate_on_commit(child: Child, acting_user: User) -> None:
    """Register the child's recalculation unless this transaction already has: one service
    may call another. Django drops callbacks of a rolled-back transaction or savepoint from
    `run_on_commit`, so a refused write recalculates nothing and leaves no stale guard."""
    connection = transaction.get_connection()
    for _, pending, _ in connection.run_on_commit:
        if isinstance(pending, _DeadlinesRecalculation) and pending.child.pk == child.pk:
            return
    # Robust: the write has committed by then; a failed recalculation is logged, not raised.
    transaction.on_commit(_DeadlinesRecalculation(child, acting_user), robust=True)


def check_dated(child: Child, on: dt.date, timing: BirthTiming = BirthTiming.EITHER) -> None:
    """Refuse a date in the future, or on the wrong side of the child's birth."""
    rules.check_not_in_future(on=on, today=council_today())
    rules.check_against_birth(
        on=on, born_on=child.born_on, expected_birth_on=child.expected_birth_on, timing=timing
    )


def check_in_referral(referral: Referral, on: dt.date) -> None:
    rules.check_within_referral(
        on=on, referred_on=referral.referred_on, closed_on=referral.closed_on
    )


def cp_plans_of(child: Child) -> list[Period]:
    return list(
        ChildProtectionPlan.objects.filter(referral__child=child).values_list(
            "started_on", "ended_on"
        )
    )

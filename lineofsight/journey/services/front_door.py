"""Writes at the front door: contacts and their decisions."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.models import (
    Contact,
)
from lineofsight.journey.services._steps import (
    check_dated,
    child_for_write,
    record_changed,
    record_created,
)
from lineofsight.people.models import Child


@transaction.atomic
def contact_record(
    *,
    child: Child,
    received_at: dt.datetime,
    source: str,
    concerns: str = "",
    threshold_level: str = "",
    is_mash: bool = False,
    acting_user: User,
) -> Contact:
    child = child_for_write(child, acting_user)
    check_dated(child, timezone.localdate(received_at))
    return record_created(
        Contact,
        child=child,
        acting_user=acting_user,
        prefix="CON",
        received_at=received_at,
        source=source,
        concerns=concerns,
        threshold_level=threshold_level,
        is_mash=is_mash,
    )


@transaction.atomic
def contact_decide(
    *,
    contact: Contact,
    decision_at: dt.datetime,
    outcome: str,
    threshold_level: str | None = None,
    acting_user: User,
) -> Contact:
    child = child_for_write(contact.child, acting_user)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    rules.check_contact_decision(
        received_at=contact.received_at,
        decision_at=decision_at,
        already_decided=contact.decision_at is not None,
    )
    rules.check_not_in_future(on=timezone.localdate(decision_at), today=council_today())
    threshold = {} if threshold_level is None else {"threshold_level": threshold_level}
    return record_changed(
        contact,
        child=child,
        acting_user=acting_user,
        decision_at=decision_at,
        outcome=outcome,
        decided_by=acting_user.worker,
        **threshold,
    )

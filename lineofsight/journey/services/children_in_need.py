"""Writes for children in need: referrals, assessments and visits."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from lineofsight.accounts.models import User
from lineofsight.journey.constants import (
    ContactOutcome,
    VisitKind,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain.sequence import BirthTiming
from lineofsight.journey.models import (
    Assessment,
    Contact,
    Referral,
    Visit,
)
from lineofsight.journey.services._steps import (
    check_dated,
    check_in_referral,
    child_for_write,
    cp_plans_of,
    record_changed,
    record_created,
)
from lineofsight.people.models import Child, Team, Worker


@transaction.atomic
def referral_create(
    *,
    child: Child,
    referred_on: dt.date,
    source: str,
    contact: Contact | None = None,
    primary_need: str = "",
    team: Team | None = None,
    worker: Worker | None = None,
    acting_user: User,
) -> Referral:
    child = child_for_write(child, acting_user)
    check_dated(child, referred_on)
    if contact is not None:
        contact = Contact.objects.select_related("child").get(pk=contact.pk)
        rules.check_same_child(child_id=child.child_id, linked_child_id=contact.child.child_id)
    rules.check_referral_after_contact(
        referred_on=referred_on,
        contact_received_on=timezone.localdate(contact.received_at) if contact else None,
        contact_is_referral=contact is not None
        and contact.decision_at is not None
        and contact.outcome == ContactOutcome.REFERRAL,
    )
    rules.check_no_open_referral(
        referred_on=referred_on,
        referrals=list(child.referrals.values_list("referred_on", "closed_on")),
    )
    return record_created(
        Referral,
        child=child,
        acting_user=acting_user,
        prefix="REF",
        contact=contact,
        referred_on=referred_on,
        source=source,
        primary_need=primary_need,
        team=team,
        worker=worker,
    )


@transaction.atomic
def referral_close(
    *, referral: Referral, closed_on: dt.date, closure_reason: str, acting_user: User
) -> Referral:
    """Close the case the referral opened, once its plans, assessments and enquiries ended."""
    child = child_for_write(referral.child, acting_user)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    check_dated(child, closed_on)
    work: list[tuple[str, rules.Period]] = [
        ("a child protection plan", (p.started_on, p.ended_on)) for p in referral.cp_plans.all()
    ]
    work += [("a child in need plan", (p.started_on, p.ended_on)) for p in referral.cin_plans.all()]
    work += [("an assessment", (a.started_on, a.authorised_on)) for a in referral.assessments.all()]
    work += [
        ("a section 47 enquiry", (e.started_on, e.completed_on))
        for e in referral.section47_enquiries.all()
    ]
    rules.check_referral_closure(
        referred_on=referral.referred_on,
        closed_on=closed_on,
        already_closed=referral.closed_on is not None,
        open_work=work,
    )
    return record_changed(
        referral,
        child=child,
        acting_user=acting_user,
        closed_on=closed_on,
        closure_reason=closure_reason,
    )


@transaction.atomic
def assessment_start(*, referral: Referral, started_on: dt.date, acting_user: User) -> Assessment:
    child = child_for_write(referral.child, acting_user)
    check_dated(child, started_on)
    check_in_referral(referral, started_on)
    return record_created(
        Assessment,
        child=child,
        acting_user=acting_user,
        prefix="ASM",
        referral=referral,
        started_on=started_on,
        assessed_by=acting_user.worker,
    )


@transaction.atomic
def assessment_complete(
    *,
    assessment: Assessment,
    authorised_on: dt.date,
    outcome: str,
    child_seen_on: dt.date | None = None,
    acting_user: User,
) -> Assessment:
    """Complete an assessment: its authorisation date is its completion (as in the CIN census)."""
    child = child_for_write(assessment.referral.child, acting_user)
    assessment = (
        Assessment.objects.select_for_update().select_related("referral").get(pk=assessment.pk)
    )
    rules.check_assessment_completion(
        started_on=assessment.started_on,
        authorised_on=authorised_on,
        child_seen_on=child_seen_on,
        already_authorised=assessment.authorised_on is not None,
    )
    check_dated(child, authorised_on)
    if child_seen_on is not None:
        check_dated(child, child_seen_on, BirthTiming.AFTER_BIRTH)
    check_in_referral(assessment.referral, authorised_on)
    seen = {} if child_seen_on is None else {"child_seen_on": child_seen_on}
    return record_changed(
        assessment,
        child=child,
        acting_user=acting_user,
        authorised_on=authorised_on,
        outcome=outcome,
        **seen,
    )


@transaction.atomic
def visit_record(
    *,
    child: Child,
    kind: str,
    visited_on: dt.date,
    child_seen: bool,
    child_seen_alone: bool,
    bedroom_seen: bool | None = None,
    worker: Worker | None = None,
    acting_user: User,
) -> Visit:
    """Record a visit, by the acting user's worker unless another is named."""
    child = child_for_write(child, acting_user)
    pre_birth = kind == VisitKind.PRE_BIRTH
    rules.check_visit(child_seen=child_seen, child_seen_alone=child_seen_alone, pre_birth=pre_birth)
    check_dated(
        child, visited_on, BirthTiming.BEFORE_BIRTH if pre_birth else BirthTiming.AFTER_BIRTH
    )
    if kind == VisitKind.CP:
        rules.check_cp_visit_has_open_plan(visited_on=visited_on, plans=cp_plans_of(child))
    return record_created(
        Visit,
        child=child,
        acting_user=acting_user,
        prefix="VIS",
        kind=kind,
        visited_on=visited_on,
        child_seen=child_seen,
        child_seen_alone=child_seen_alone,
        bedroom_seen=bedroom_seen,
        worker=worker or acting_user.worker,
    )

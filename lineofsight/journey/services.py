"""Writes for the child's journey: the only place its rows change.

Each service is one transaction: it checks the acting user may open the child's record,
asks `journey.domain.sequence` whether the event can happen given what the database already
holds (raising `SequenceError` when not, before anything is written), writes the row with a new
natural key and writes one `AuditEvent` per record it creates or changes.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lineofsight.accounts.access import child_access_allowed
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent, Record
from lineofsight.core.selectors import council_today
from lineofsight.journey.constants import (
    ConferenceKind,
    ConferenceOutcome,
    ContactOutcome,
    StrategyDecision,
    VisitKind,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain.sequence import BirthTiming, Period
from lineofsight.journey.models import (
    Assessment,
    ChildProtectionPlan,
    Conference,
    Contact,
    CoreGroup,
    Referral,
    Section47Enquiry,
    StrategyDiscussion,
    Visit,
)
from lineofsight.people.models import Child, Team, Worker

NO_ACCESS = "You cannot change this child's record"

# The conferences that can start a plan, and the outcomes each kind of conference can have.
PLAN_STARTING_KINDS = frozenset(
    {ConferenceKind.INITIAL, ConferenceKind.PRE_BIRTH, ConferenceKind.TRANSFER_IN}
)
S47_CONFERENCE_KINDS = frozenset({ConferenceKind.INITIAL, ConferenceKind.PRE_BIRTH})
DECIDING_OUTCOMES = frozenset({ConferenceOutcome.PLAN, ConferenceOutcome.NO_PLAN})
REVIEW_OUTCOMES = frozenset({ConferenceOutcome.PLAN_CONTINUES, ConferenceOutcome.PLAN_ENDS})

# Natural-key prefixes, as the synthesiser's (`REF-000001`); a random suffix keeps a key made
# here unique without counting rows, and apart from the synthesiser's numbered ones.
KEY_PREFIXES = {
    Contact: "CON",
    Referral: "REF",
    Assessment: "ASM",
    StrategyDiscussion: "SD",
    Section47Enquiry: "S47",
    Conference: "CONF",
    ChildProtectionPlan: "CPP",
    CoreGroup: "CG",
    Visit: "VIS",
}


# ---- shared steps ---------------------------------------------------------------------------


def _new_key(model: type[Record]) -> str:
    return f"{KEY_PREFIXES[model]}-{uuid.uuid4().hex[:16].upper()}"


def _audit(
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


def _child_for_write(child: Child, acting_user: User) -> Child:
    """The child, locked for this transaction, once the acting user may open its record."""
    if not child_access_allowed(acting_user, child):
        raise PermissionDenied(NO_ACCESS)
    return Child.objects.select_for_update().get(pk=child.pk)


def _check_dated(child: Child, on: dt.date, timing: BirthTiming = BirthTiming.EITHER) -> None:
    rules.check_not_in_future(on=on, today=council_today())
    rules.check_against_birth(
        on=on, born_on=child.born_on, expected_birth_on=child.expected_birth_on, timing=timing
    )


def _check_in_referral(referral: Referral, on: dt.date) -> None:
    rules.check_within_referral(
        on=on, referred_on=referral.referred_on, closed_on=referral.closed_on
    )


def _cp_plans_of(child: Child) -> list[Period]:
    return list(
        ChildProtectionPlan.objects.filter(referral__child=child).values_list(
            "started_on", "ended_on"
        )
    )


# ---- front door -----------------------------------------------------------------------------


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
    child = _child_for_write(child, acting_user)
    _check_dated(child, timezone.localdate(received_at))
    contact = Contact.objects.create(
        key=_new_key(Contact),
        child=child,
        received_at=received_at,
        source=source,
        concerns=concerns,
        threshold_level=threshold_level,
        is_mash=is_mash,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=contact, child=child)
    return contact


@transaction.atomic
def contact_decide(
    *,
    contact: Contact,
    decision_at: dt.datetime,
    outcome: str,
    threshold_level: str | None = None,
    acting_user: User,
) -> Contact:
    child = _child_for_write(contact.child, acting_user)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    rules.check_contact_decision(
        received_at=contact.received_at,
        decision_at=decision_at,
        already_decided=contact.decision_at is not None,
    )
    rules.check_not_in_future(on=timezone.localdate(decision_at), today=council_today())
    contact.decision_at = decision_at
    contact.outcome = outcome
    contact.decided_by = acting_user.worker
    fields = ["decision_at", "outcome", "decided_by"]
    if threshold_level is not None:
        contact.threshold_level = threshold_level
        fields.append("threshold_level")
    contact.save(update_fields=[*fields, "updated_at"])
    _audit(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=contact,
        child=child,
        fields=fields,
    )
    return contact


# ---- children in need -----------------------------------------------------------------------


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
    child = _child_for_write(child, acting_user)
    _check_dated(child, referred_on)
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
    referral = Referral.objects.create(
        key=_new_key(Referral),
        child=child,
        contact=contact,
        referred_on=referred_on,
        source=source,
        primary_need=primary_need,
        team=team,
        worker=worker,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=referral, child=child)
    return referral


@transaction.atomic
def assessment_start(*, referral: Referral, started_on: dt.date, acting_user: User) -> Assessment:
    child = _child_for_write(referral.child, acting_user)
    _check_dated(child, started_on)
    _check_in_referral(referral, started_on)
    assessment = Assessment.objects.create(
        key=_new_key(Assessment),
        referral=referral,
        started_on=started_on,
        assessed_by=acting_user.worker,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=assessment, child=child)
    return assessment


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
    child = _child_for_write(assessment.referral.child, acting_user)
    assessment = (
        Assessment.objects.select_for_update().select_related("referral").get(pk=assessment.pk)
    )
    rules.check_assessment_completion(
        started_on=assessment.started_on,
        authorised_on=authorised_on,
        child_seen_on=child_seen_on,
        already_authorised=assessment.authorised_on is not None,
    )
    _check_dated(child, authorised_on)
    if child_seen_on is not None:
        _check_dated(child, child_seen_on, BirthTiming.AFTER_BIRTH)
    _check_in_referral(assessment.referral, authorised_on)
    assessment.authorised_on = authorised_on
    assessment.outcome = outcome
    fields = ["authorised_on", "outcome"]
    if child_seen_on is not None:
        assessment.child_seen_on = child_seen_on
        fields.append("child_seen_on")
    assessment.save(update_fields=[*fields, "updated_at"])
    _audit(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=assessment,
        child=child,
        fields=fields,
    )
    return assessment


# ---- child protection -----------------------------------------------------------------------


@transaction.atomic
def strategy_discussion_record(
    *,
    referral: Referral,
    held_on: dt.date,
    decision: str,
    police_attended: bool = True,
    health_attended: bool = True,
    education_attended: bool = False,
    other_attended: bool = False,
    chaired_by: Worker | None = None,
    acting_user: User,
) -> StrategyDiscussion:
    child = _child_for_write(referral.child, acting_user)
    _check_dated(child, held_on)
    _check_in_referral(referral, held_on)
    discussion = StrategyDiscussion.objects.create(
        key=_new_key(StrategyDiscussion),
        referral=referral,
        held_on=held_on,
        decision=decision,
        police_attended=police_attended,
        health_attended=health_attended,
        education_attended=education_attended,
        other_attended=other_attended,
        chaired_by=chaired_by,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=discussion, child=child)
    return discussion


@transaction.atomic
def section47_enquiry_start(
    *,
    referral: Referral,
    strategy_discussion: StrategyDiscussion | None,
    started_on: dt.date,
    icpc_target_on: dt.date | None = None,
    acting_user: User,
) -> Section47Enquiry:
    child = _child_for_write(referral.child, acting_user)
    if strategy_discussion is not None:
        rules.check_same_referral(
            referral_key=referral.key, linked_referral_key=strategy_discussion.referral.key
        )
    rules.check_s47_has_strategy_discussion(
        started_on=started_on,
        discussion_held_on=strategy_discussion.held_on if strategy_discussion else None,
        discussion_decided_s47=strategy_discussion is not None
        and strategy_discussion.decision == StrategyDecision.S47,
    )
    _check_dated(child, started_on)
    _check_in_referral(referral, started_on)
    rules.check_end_not_before_start(started_on=started_on, ended_on=icpc_target_on)
    enquiry = Section47Enquiry.objects.create(
        key=_new_key(Section47Enquiry),
        referral=referral,
        strategy_discussion=strategy_discussion,
        started_on=started_on,
        icpc_target_on=icpc_target_on,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=enquiry, child=child)
    return enquiry


@transaction.atomic
def section47_enquiry_complete(
    *,
    enquiry: Section47Enquiry,
    completed_on: dt.date,
    outcome: str,
    icpc_not_required: bool = False,
    acting_user: User,
) -> Section47Enquiry:
    child = _child_for_write(enquiry.referral.child, acting_user)
    enquiry = (
        Section47Enquiry.objects.select_for_update().select_related("referral").get(pk=enquiry.pk)
    )
    rules.check_s47_completion(
        started_on=enquiry.started_on,
        completed_on=completed_on,
        already_completed=enquiry.completed_on is not None,
    )
    _check_dated(child, completed_on)
    _check_in_referral(enquiry.referral, completed_on)
    enquiry.completed_on = completed_on
    enquiry.outcome = outcome
    enquiry.icpc_not_required = icpc_not_required
    fields = ["completed_on", "outcome", "icpc_not_required"]
    enquiry.save(update_fields=[*fields, "updated_at"])
    _audit(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=enquiry,
        child=child,
        fields=fields,
    )
    return enquiry


@transaction.atomic
def conference_record(
    *,
    referral: Referral,
    kind: str,
    held_on: dt.date,
    outcome: str,
    section47_enquiry: Section47Enquiry | None = None,
    initial_category: str = "",
    end_reason: str = "",
    police_attended: bool = True,
    health_attended: bool = True,
    education_attended: bool = True,
    chaired_by: Worker | None = None,
    minutes_distributed_on: dt.date | None = None,
    acting_user: User,
) -> Conference:
    """Record a conference. One deciding on a plan starts it (`cp_plan_start`); a review
    reviews the plan open on its date, and one deciding the plan ends ends it (`cp_plan_end`)."""
    child = _child_for_write(referral.child, acting_user)
    is_review = kind == ConferenceKind.REVIEW
    rules.check_conference_outcome(
        outcome_fits_kind=outcome in (REVIEW_OUTCOMES if is_review else DECIDING_OUTCOMES)
    )
    timing = (
        BirthTiming.BEFORE_BIRTH if kind == ConferenceKind.PRE_BIRTH else BirthTiming.AFTER_BIRTH
    )
    _check_dated(child, held_on, timing)
    _check_in_referral(referral, held_on)
    rules.check_end_not_before_start(started_on=held_on, ended_on=minutes_distributed_on)
    if section47_enquiry is not None:
        rules.check_same_referral(
            referral_key=referral.key, linked_referral_key=section47_enquiry.referral.key
        )
    if kind in S47_CONFERENCE_KINDS:
        rules.check_conference_follows_s47(
            held_on=held_on,
            enquiry_started_on=section47_enquiry.started_on if section47_enquiry else None,
        )
    reviewed: ChildProtectionPlan | None = None
    if is_review:
        rules.check_review_has_open_plan(held_on=held_on, plans=_cp_plans_of(child))
        reviewed = (
            ChildProtectionPlan.objects.select_for_update()
            .filter(referral__child=child, started_on__lt=held_on)
            .exclude(ended_on__lt=held_on)
            .order_by("-started_on")
            .first()
        )
    conference = Conference.objects.create(
        key=_new_key(Conference),
        referral=referral,
        section47_enquiry=section47_enquiry,
        cp_plan=reviewed,
        kind=kind,
        held_on=held_on,
        outcome=outcome,
        police_attended=police_attended,
        health_attended=health_attended,
        education_attended=education_attended,
        chaired_by=chaired_by,
        minutes_distributed_on=minutes_distributed_on,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=conference, child=child)
    if outcome == ConferenceOutcome.PLAN:
        cp_plan_start(
            referral=referral,
            started_on=held_on,
            initial_category=initial_category,
            conference=conference,
            acting_user=acting_user,
        )
    if reviewed is not None and outcome == ConferenceOutcome.PLAN_ENDS:
        cp_plan_end(
            cp_plan=reviewed, ended_on=held_on, end_reason=end_reason, acting_user=acting_user
        )
    return conference


def _conference_deciding_plan(referral: Referral, started_on: dt.date) -> Conference | None:
    """The referral's conference on that day that decided on a plan and has not started one."""
    return (
        Conference.objects.select_for_update()
        .filter(
            referral=referral,
            held_on=started_on,
            kind__in=PLAN_STARTING_KINDS,
            outcome=ConferenceOutcome.PLAN,
            cp_plan__isnull=True,
        )
        .order_by("pk")
        .first()
    )


@transaction.atomic
def cp_plan_start(
    *,
    referral: Referral,
    started_on: dt.date,
    initial_category: str,
    conference: Conference | None = None,
    acting_user: User,
) -> ChildProtectionPlan:
    """Start a child protection plan at the conference that decided on it (found on the
    referral on `started_on` when not given), and link the conference to it."""
    child = _child_for_write(referral.child, acting_user)
    if conference is None:
        conference = _conference_deciding_plan(referral, started_on)
    else:
        rules.check_same_referral(
            referral_key=referral.key, linked_referral_key=conference.referral.key
        )
    rules.check_cp_plan_has_conference(
        started_on=started_on,
        conference_held_on=conference.held_on if conference else None,
        conference_decided_plan=conference is not None
        and conference.kind in PLAN_STARTING_KINDS
        and conference.outcome == ConferenceOutcome.PLAN
        and conference.cp_plan_id is None,
    )
    assert conference is not None  # for the type checker: the rule above refused None
    _check_dated(child, started_on)
    _check_in_referral(referral, started_on)
    plans = _cp_plans_of(child)
    rules.check_no_open_cp_plan(started_on=started_on, plans=plans)
    plan = ChildProtectionPlan.objects.create(
        key=_new_key(ChildProtectionPlan),
        referral=referral,
        started_on=started_on,
        initial_category=initial_category,
        latest_category=initial_category,
        previous_plans_count=len(plans),
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=plan, child=child)
    conference.cp_plan = plan
    conference.save(update_fields=["cp_plan", "updated_at"])
    _audit(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=conference,
        child=child,
        fields=["cp_plan"],
    )
    return plan


@transaction.atomic
def cp_plan_end(
    *,
    cp_plan: ChildProtectionPlan,
    ended_on: dt.date,
    end_reason: str = "",
    acting_user: User,
) -> ChildProtectionPlan:
    child = _child_for_write(cp_plan.referral.child, acting_user)
    cp_plan = (
        ChildProtectionPlan.objects.select_for_update()
        .select_related("referral")
        .get(pk=cp_plan.pk)
    )
    rules.check_cp_plan_end(
        started_on=cp_plan.started_on,
        ended_on=ended_on,
        already_ended=cp_plan.ended_on is not None,
    )
    _check_dated(child, ended_on)
    _check_in_referral(cp_plan.referral, ended_on)
    cp_plan.ended_on = ended_on
    cp_plan.end_reason = end_reason
    fields = ["ended_on", "end_reason"]
    cp_plan.save(update_fields=[*fields, "updated_at"])
    _audit(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record=cp_plan,
        child=child,
        fields=fields,
    )
    return cp_plan


@transaction.atomic
def core_group_record(
    *,
    cp_plan: ChildProtectionPlan,
    held_on: dt.date,
    attended_by_agencies: int = 3,
    acting_user: User,
) -> CoreGroup:
    child = _child_for_write(cp_plan.referral.child, acting_user)
    cp_plan = ChildProtectionPlan.objects.get(pk=cp_plan.pk)
    _check_dated(child, held_on)
    rules.check_core_group_within_plan(
        held_on=held_on, plan_started_on=cp_plan.started_on, plan_ended_on=cp_plan.ended_on
    )
    core_group = CoreGroup.objects.create(
        key=_new_key(CoreGroup),
        cp_plan=cp_plan,
        held_on=held_on,
        attended_by_agencies=attended_by_agencies,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=core_group, child=child)
    return core_group


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
    child = _child_for_write(child, acting_user)
    pre_birth = kind == VisitKind.PRE_BIRTH
    rules.check_visit(child_seen=child_seen, child_seen_alone=child_seen_alone, pre_birth=pre_birth)
    _check_dated(
        child, visited_on, BirthTiming.BEFORE_BIRTH if pre_birth else BirthTiming.AFTER_BIRTH
    )
    if kind == VisitKind.CP:
        rules.check_cp_visit_has_open_plan(visited_on=visited_on, plans=_cp_plans_of(child))
    visit = Visit.objects.create(
        key=_new_key(Visit),
        child=child,
        kind=kind,
        visited_on=visited_on,
        child_seen=child_seen,
        child_seen_alone=child_seen_alone,
        bedroom_seen=bedroom_seen,
        worker=worker or acting_user.worker,
    )
    _audit(acting_user=acting_user, action=AuditAction.CREATED, record=visit, child=child)
    return visit

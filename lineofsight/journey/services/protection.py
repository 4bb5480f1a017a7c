"""Writes for child protection: strategy discussions, section 47 enquiries, conferences,
plans and core groups."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from lineofsight.accounts.models import User
from lineofsight.journey.constants import (
    ConferenceKind,
    ConferenceOutcome,
    StrategyDecision,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain.sequence import BirthTiming
from lineofsight.journey.models import (
    ChildProtectionPlan,
    Conference,
    CoreGroup,
    Referral,
    Section47Enquiry,
    StrategyDiscussion,
)
from lineofsight.journey.services._steps import (
    check_dated,
    check_in_referral,
    child_for_write,
    cp_plans_of,
    record_changed,
    record_created,
)
from lineofsight.people.models import Worker

# The conferences that can start a plan, and the outcomes each kind of conference can have.
PLAN_STARTING_KINDS = frozenset(
    {ConferenceKind.INITIAL, ConferenceKind.PRE_BIRTH, ConferenceKind.TRANSFER_IN}
)
S47_CONFERENCE_KINDS = frozenset({ConferenceKind.INITIAL, ConferenceKind.PRE_BIRTH})
DECIDING_OUTCOMES = frozenset({ConferenceOutcome.PLAN, ConferenceOutcome.NO_PLAN})
REVIEW_OUTCOMES = frozenset({ConferenceOutcome.PLAN_CONTINUES, ConferenceOutcome.PLAN_ENDS})


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
    child = child_for_write(referral.child, acting_user)
    check_dated(child, held_on)
    check_in_referral(referral, held_on)
    return record_created(
        StrategyDiscussion,
        child=child,
        acting_user=acting_user,
        prefix="SD",
        referral=referral,
        held_on=held_on,
        decision=decision,
        police_attended=police_attended,
        health_attended=health_attended,
        education_attended=education_attended,
        other_attended=other_attended,
        chaired_by=chaired_by,
    )


@transaction.atomic
def section47_enquiry_start(
    *,
    referral: Referral,
    strategy_discussion: StrategyDiscussion | None,
    started_on: dt.date,
    icpc_target_on: dt.date | None = None,
    acting_user: User,
) -> Section47Enquiry:
    child = child_for_write(referral.child, acting_user)
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
    check_dated(child, started_on)
    check_in_referral(referral, started_on)
    rules.check_end_not_before_start(started_on=started_on, ended_on=icpc_target_on)
    return record_created(
        Section47Enquiry,
        child=child,
        acting_user=acting_user,
        prefix="S47",
        referral=referral,
        strategy_discussion=strategy_discussion,
        started_on=started_on,
        icpc_target_on=icpc_target_on,
    )


@transaction.atomic
def section47_enquiry_complete(
    *,
    enquiry: Section47Enquiry,
    completed_on: dt.date,
    outcome: str,
    icpc_not_required: bool = False,
    acting_user: User,
) -> Section47Enquiry:
    child = child_for_write(enquiry.referral.child, acting_user)
    enquiry = (
        Section47Enquiry.objects.select_for_update().select_related("referral").get(pk=enquiry.pk)
    )
    rules.check_s47_completion(
        started_on=enquiry.started_on,
        completed_on=completed_on,
        already_completed=enquiry.completed_on is not None,
    )
    check_dated(child, completed_on)
    check_in_referral(enquiry.referral, completed_on)
    return record_changed(
        enquiry,
        child=child,
        acting_user=acting_user,
        completed_on=completed_on,
        outcome=outcome,
        icpc_not_required=icpc_not_required,
    )


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
    child = child_for_write(referral.child, acting_user)
    is_review = kind == ConferenceKind.REVIEW
    rules.check_conference_outcome(
        outcome_fits_kind=outcome in (REVIEW_OUTCOMES if is_review else DECIDING_OUTCOMES)
    )
    timing = (
        BirthTiming.BEFORE_BIRTH if kind == ConferenceKind.PRE_BIRTH else BirthTiming.AFTER_BIRTH
    )
    check_dated(child, held_on, timing)
    check_in_referral(referral, held_on)
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
        rules.check_review_has_open_plan(held_on=held_on, plans=cp_plans_of(child))
        reviewed = (
            ChildProtectionPlan.objects.select_for_update()
            .filter(referral__child=child, started_on__lt=held_on)
            .exclude(ended_on__lt=held_on)
            .order_by("-started_on")
            .first()
        )
    conference = record_created(
        Conference,
        child=child,
        acting_user=acting_user,
        prefix="CONF",
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
    child = child_for_write(referral.child, acting_user)
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
    check_dated(child, started_on)
    check_in_referral(referral, started_on)
    plans = cp_plans_of(child)
    rules.check_no_open_cp_plan(started_on=started_on, plans=plans)
    plan = record_created(
        ChildProtectionPlan,
        child=child,
        acting_user=acting_user,
        prefix="CPP",
        referral=referral,
        started_on=started_on,
        initial_category=initial_category,
        latest_category=initial_category,
        previous_plans_count=len(plans),
    )
    record_changed(conference, child=child, acting_user=acting_user, cp_plan=plan)
    return plan


@transaction.atomic
def cp_plan_end(
    *,
    cp_plan: ChildProtectionPlan,
    ended_on: dt.date,
    end_reason: str = "",
    acting_user: User,
) -> ChildProtectionPlan:
    child = child_for_write(cp_plan.referral.child, acting_user)
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
    check_dated(child, ended_on)
    check_in_referral(cp_plan.referral, ended_on)
    return record_changed(
        cp_plan, child=child, acting_user=acting_user, ended_on=ended_on, end_reason=end_reason
    )


@transaction.atomic
def core_group_record(
    *,
    cp_plan: ChildProtectionPlan,
    held_on: dt.date,
    attended_by_agencies: int = 3,
    acting_user: User,
) -> CoreGroup:
    child = child_for_write(cp_plan.referral.child, acting_user)
    cp_plan = ChildProtectionPlan.objects.get(pk=cp_plan.pk)
    check_dated(child, held_on)
    rules.check_core_group_within_plan(
        held_on=held_on, plan_started_on=cp_plan.started_on, plan_ended_on=cp_plan.ended_on
    )
    return record_created(
        CoreGroup,
        child=child,
        acting_user=acting_user,
        prefix="CG",
        cp_plan=cp_plan,
        held_on=held_on,
        attended_by_agencies=attended_by_agencies,
    )

"""Writes for early help episodes and child in need plans with their reviews."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from lineofsight.accounts.models import User
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain import sequence_plans_and_permanence as plan_rules
from lineofsight.journey.models import CINPlan, CINPlanReview, EarlyHelpEpisode, Referral
from lineofsight.journey.services._steps import (
    check_dated,
    check_in_referral,
    child_for_write,
    cp_plans_of,
    record_changed,
    record_created,
)
from lineofsight.people.models import Child, Team


@transaction.atomic
def early_help_episode_start(
    *,
    child: Child,
    started_on: dt.date,
    lead_agency: str = "",
    team: Team | None = None,
    stepped_down_from: Referral | None = None,
    acting_user: User,
) -> EarlyHelpEpisode:
    """Start early help, stepped down from a referral when one is named."""
    child = child_for_write(child, acting_user)
    check_dated(child, started_on)
    if stepped_down_from is not None:
        stepped_down_from = Referral.objects.select_related("child").get(pk=stepped_down_from.pk)
        rules.check_same_child(
            child_id=child.child_id, linked_child_id=stepped_down_from.child.child_id
        )
    plan_rules.check_early_help_start(
        started_on=started_on,
        episodes=list(child.early_help_episodes.values_list("started_on", "ended_on")),
        stepped_down_on=stepped_down_from.referred_on if stepped_down_from else None,
    )
    return record_created(
        EarlyHelpEpisode,
        child=child,
        acting_user=acting_user,
        prefix="EH",
        started_on=started_on,
        lead_agency=lead_agency,
        team=team,
        stepped_down_from=stepped_down_from,
    )


@transaction.atomic
def early_help_episode_end(
    *, episode: EarlyHelpEpisode, ended_on: dt.date, outcome: str, acting_user: User
) -> EarlyHelpEpisode:
    child = child_for_write(episode.child, acting_user)
    episode = EarlyHelpEpisode.objects.select_for_update().get(pk=episode.pk)
    plan_rules.check_early_help_end(
        started_on=episode.started_on,
        ended_on=ended_on,
        already_ended=episode.ended_on is not None,
        work_dates=[
            episode.assessment_started_on,
            episode.assessment_completed_on,
            episode.plan_started_on,
        ],
    )
    check_dated(child, ended_on)
    return record_changed(
        episode, child=child, acting_user=acting_user, ended_on=ended_on, outcome=outcome
    )


@transaction.atomic
def cin_plan_start(*, referral: Referral, started_on: dt.date, acting_user: User) -> CINPlan:
    child = child_for_write(referral.child, acting_user)
    check_dated(child, started_on)
    check_in_referral(referral, started_on)
    plan_rules.check_cin_plan_start(
        started_on=started_on,
        cin_plans=list(
            CINPlan.objects.filter(referral__child=child).values_list("started_on", "ended_on")
        ),
        cp_plans=cp_plans_of(child),
    )
    return record_created(
        CINPlan,
        child=child,
        acting_user=acting_user,
        prefix="CINP",
        referral=referral,
        started_on=started_on,
    )


@transaction.atomic
def cin_plan_end(*, cin_plan: CINPlan, ended_on: dt.date, acting_user: User) -> CINPlan:
    child = child_for_write(cin_plan.referral.child, acting_user)
    cin_plan = CINPlan.objects.select_for_update().select_related("referral").get(pk=cin_plan.pk)
    plan_rules.check_cin_plan_end(
        started_on=cin_plan.started_on,
        ended_on=ended_on,
        already_ended=cin_plan.ended_on is not None,
        last_review_on=cin_plan.reviews.aggregate(last=Max("held_on"))["last"],
    )
    check_dated(child, ended_on)
    check_in_referral(cin_plan.referral, ended_on)
    return record_changed(cin_plan, child=child, acting_user=acting_user, ended_on=ended_on)


@transaction.atomic
def cin_plan_review_record(
    *, cin_plan: CINPlan, held_on: dt.date, acting_user: User
) -> CINPlanReview:
    child = child_for_write(cin_plan.referral.child, acting_user)
    cin_plan = CINPlan.objects.get(pk=cin_plan.pk)
    check_dated(child, held_on)
    plan_rules.check_cin_review_within_plan(
        held_on=held_on, plan_started_on=cin_plan.started_on, plan_ended_on=cin_plan.ended_on
    )
    return record_created(
        CINPlanReview,
        child=child,
        acting_user=acting_user,
        prefix="CINR",
        cin_plan=cin_plan,
        held_on=held_on,
    )

"""Early help episodes and child in need plans written through the services: rows and audit
rows, each refused sequence (nothing written), and a worker with no access (nothing written)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.constants import CategoryOfAbuse, EarlyHelpOutcome, ReferralSource
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.domain import sequence_plans_and_permanence as plan_rules
from lineofsight.journey.models import (
    ChildProtectionPlan,
    CINPlan,
    EarlyHelpEpisode,
    Referral,
)
from lineofsight.journey.services.children_in_need import referral_create
from lineofsight.journey.services.early_help_and_plans import (
    cin_plan_end,
    cin_plan_review_record,
    cin_plan_start,
    early_help_episode_end,
    early_help_episode_start,
)
from lineofsight.journey.tests.builders import (
    Case,
    D,
    allocate,
    child_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.services.checks import (
    audit_mark,
    audit_since,
    refused_and_nothing_written,
    rows,
)

pytestmark = pytest.mark.django_db


def step_referral(case: Case) -> Referral:
    return referral_create(
        child=case.child,
        referred_on=D(2017, 1, 9),
        source=ReferralSource.S2A,
        acting_user=case.user,
    )


def step_cin_plan(case: Case) -> CINPlan:
    return cin_plan_start(
        referral=step_referral(case), started_on=D(2017, 2, 1), acting_user=case.user
    )


# ---- early help -----------------------------------------------------------------------------


def test_early_help_episode_is_started_and_ended_and_audited(case: Case):
    mark = audit_mark()
    episode = early_help_episode_start(
        child=case.child,
        started_on=D(2017, 2, 6),
        lead_agency="Hollowmere Primary School",
        team=case.team,
        acting_user=case.user,
    )
    episode = early_help_episode_end(
        episode=episode,
        ended_on=D(2017, 6, 30),
        outcome=EarlyHelpOutcome.NEEDS_MET,
        acting_user=case.user,
    )
    episode.refresh_from_db()
    assert (episode.child, episode.team, episode.lead_agency) == (
        case.child,
        case.team,
        "Hollowmere Primary School",
    )
    assert (episode.started_on, episode.ended_on) == (D(2017, 2, 6), D(2017, 6, 30))
    assert episode.outcome == EarlyHelpOutcome.NEEDS_MET
    assert episode.stepped_down_from is None
    assert episode.key.startswith("EH-")
    assert audit_since(mark) == [
        (AuditAction.CREATED, "early_help_episode", episode.key, {}),
        (
            AuditAction.CHANGED,
            "early_help_episode",
            episode.key,
            {"fields": ["ended_on", "outcome"]},
        ),
    ]
    assert {(e.actor_id, e.child_id) for e in AuditEvent.objects.all()} == {
        (case.user.pk, "TEST0001")
    }


def test_early_help_stepped_down_from_a_referral_names_it(case: Case):
    referral = step_referral(case)
    episode = early_help_episode_start(
        child=case.child,
        started_on=D(2017, 3, 1),
        stepped_down_from=referral,
        acting_user=case.user,
    )
    assert episode.stepped_down_from == referral


def test_early_help_before_the_referral_it_stepped_down_from_is_refused(case: Case):
    referral = step_referral(case)
    with refused_and_nothing_written(plan_rules.EARLY_HELP_BEFORE_STEP_DOWN):
        early_help_episode_start(
            child=case.child,
            started_on=D(2017, 1, 8),
            stepped_down_from=referral,
            acting_user=case.user,
        )


def test_early_help_stepped_down_from_another_childs_referral_is_refused(case: Case):
    other = child_create("TEST0009", born_on=D(2011, 4, 4))
    allocate(other, case.user, case.team)
    referral = referral_create(
        child=other, referred_on=D(2017, 1, 9), source=ReferralSource.S6, acting_user=case.user
    )
    with refused_and_nothing_written(rules.WRONG_CHILD):
        early_help_episode_start(
            child=case.child,
            started_on=D(2017, 3, 1),
            stepped_down_from=referral,
            acting_user=case.user,
        )


def test_second_open_early_help_episode_is_refused(case: Case):
    early_help_episode_start(child=case.child, started_on=D(2017, 2, 6), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.EARLY_HELP_ALREADY_OPEN):
        early_help_episode_start(child=case.child, started_on=D(2017, 4, 1), acting_user=case.user)


def test_early_help_in_the_future_is_refused(case: Case):
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        early_help_episode_start(child=case.child, started_on=D(2017, 10, 1), acting_user=case.user)


def test_early_help_ending_before_it_started_or_twice_is_refused(case: Case):
    episode = early_help_episode_start(
        child=case.child, started_on=D(2017, 2, 6), acting_user=case.user
    )
    with refused_and_nothing_written(rules.END_BEFORE_START):
        early_help_episode_end(
            episode=episode,
            ended_on=D(2017, 2, 5),
            outcome=EarlyHelpOutcome.OTHER,
            acting_user=case.user,
        )
    early_help_episode_end(
        episode=episode,
        ended_on=D(2017, 5, 1),
        outcome=EarlyHelpOutcome.DISENGAGED,
        acting_user=case.user,
    )
    with refused_and_nothing_written(plan_rules.EARLY_HELP_ALREADY_ENDED):
        early_help_episode_end(
            episode=episode,
            ended_on=D(2017, 6, 1),
            outcome=EarlyHelpOutcome.OTHER,
            acting_user=case.user,
        )
    episode.refresh_from_db()
    assert (episode.ended_on, episode.outcome) == (D(2017, 5, 1), EarlyHelpOutcome.DISENGAGED)


def test_early_help_ending_before_its_assessment_is_refused(case: Case):
    episode = early_help_episode_start(
        child=case.child, started_on=D(2017, 2, 6), acting_user=case.user
    )
    # Loaded from a return: the assessment dates have no service of their own yet.
    EarlyHelpEpisode.objects.filter(pk=episode.pk).update(
        assessment_started_on=D(2017, 2, 10), assessment_completed_on=D(2017, 3, 20)
    )
    with refused_and_nothing_written(plan_rules.EARLY_HELP_ENDS_BEFORE_ITS_WORK):
        early_help_episode_end(
            episode=episode,
            ended_on=D(2017, 3, 1),
            outcome=EarlyHelpOutcome.OTHER,
            acting_user=case.user,
        )


# ---- CIN plans ------------------------------------------------------------------------------


def test_cin_plan_is_started_reviewed_and_ended_and_audited(case: Case):
    referral = step_referral(case)
    mark = audit_mark()
    plan = cin_plan_start(referral=referral, started_on=D(2017, 2, 1), acting_user=case.user)
    review = cin_plan_review_record(cin_plan=plan, held_on=D(2017, 4, 3), acting_user=case.user)
    plan = cin_plan_end(cin_plan=plan, ended_on=D(2017, 7, 10), acting_user=case.user)
    plan.refresh_from_db()
    assert plan.referral == referral
    assert (plan.started_on, plan.ended_on) == (D(2017, 2, 1), D(2017, 7, 10))
    assert list(plan.reviews.all()) == [review]
    assert review.held_on == D(2017, 4, 3)
    assert (plan.key.split("-")[0], review.key.split("-")[0]) == ("CINP", "CINR")
    assert audit_since(mark) == [
        (AuditAction.CREATED, plan.record_type, plan.key, {}),
        (AuditAction.CREATED, review.record_type, review.key, {}),
        (AuditAction.CHANGED, plan.record_type, plan.key, {"fields": ["ended_on"]}),
    ]


def test_cin_plan_may_start_the_day_a_cp_plan_ends(case: Case):
    referral = step_referral(case)
    ChildProtectionPlan.objects.create(
        key="CPP-T1",
        referral=referral,
        started_on=D(2017, 2, 1),
        ended_on=D(2017, 5, 2),
        initial_category=CategoryOfAbuse.NEG,
        latest_category=CategoryOfAbuse.NEG,
    )
    plan = cin_plan_start(referral=referral, started_on=D(2017, 5, 2), acting_user=case.user)
    assert plan.started_on == D(2017, 5, 2)


def test_cin_plan_while_a_cp_plan_is_open_is_refused(case: Case):
    referral = step_referral(case)
    ChildProtectionPlan.objects.create(
        key="CPP-T1",
        referral=referral,
        started_on=D(2017, 2, 1),
        initial_category=CategoryOfAbuse.NEG,
        latest_category=CategoryOfAbuse.NEG,
    )
    with refused_and_nothing_written(plan_rules.CIN_PLAN_DURING_CP_PLAN):
        cin_plan_start(referral=referral, started_on=D(2017, 3, 1), acting_user=case.user)


def test_second_open_cin_plan_is_refused(case: Case):
    plan = step_cin_plan(case)
    with refused_and_nothing_written(plan_rules.CIN_PLAN_ALREADY_OPEN):
        cin_plan_start(referral=plan.referral, started_on=D(2017, 3, 1), acting_user=case.user)


def test_second_cin_plan_after_the_first_ended_is_allowed(case: Case):
    plan = step_cin_plan(case)
    cin_plan_end(cin_plan=plan, ended_on=D(2017, 3, 1), acting_user=case.user)
    second = cin_plan_start(referral=plan.referral, started_on=D(2017, 3, 1), acting_user=case.user)
    assert CINPlan.objects.filter(referral=plan.referral).count() == 2
    assert second.ended_on is None


def test_cin_plan_before_its_referral_is_refused(case: Case):
    referral = step_referral(case)
    with refused_and_nothing_written(rules.BEFORE_REFERRAL):
        cin_plan_start(referral=referral, started_on=D(2017, 1, 8), acting_user=case.user)


def test_cin_plan_after_its_referral_closed_is_refused(case: Case):
    referral = step_referral(case)
    Referral.objects.filter(pk=referral.pk).update(closed_on=D(2017, 3, 1), closure_reason="RC8")
    referral.refresh_from_db()
    with refused_and_nothing_written(rules.AFTER_REFERRAL_CLOSED):
        cin_plan_start(referral=referral, started_on=D(2017, 3, 2), acting_user=case.user)


def test_cin_plan_ending_after_its_referral_closed_is_refused(case: Case):
    plan = step_cin_plan(case)
    Referral.objects.filter(pk=plan.referral.pk).update(
        closed_on=D(2017, 3, 1), closure_reason="RC8"
    )
    with refused_and_nothing_written(rules.AFTER_REFERRAL_CLOSED):
        cin_plan_end(cin_plan=plan, ended_on=D(2017, 3, 2), acting_user=case.user)


def test_cin_plan_ending_before_it_started_is_refused(case: Case):
    plan = step_cin_plan(case)
    with refused_and_nothing_written(rules.END_BEFORE_START):
        cin_plan_end(cin_plan=plan, ended_on=D(2017, 1, 31), acting_user=case.user)
    plan.refresh_from_db()
    assert plan.ended_on is None


def test_cin_plan_ended_twice_is_refused(case: Case):
    plan = step_cin_plan(case)
    cin_plan_end(cin_plan=plan, ended_on=D(2017, 5, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.CIN_PLAN_ALREADY_ENDED):
        cin_plan_end(cin_plan=plan, ended_on=D(2017, 6, 1), acting_user=case.user)


def test_cin_plan_ending_before_its_last_review_is_refused(case: Case):
    plan = step_cin_plan(case)
    cin_plan_review_record(cin_plan=plan, held_on=D(2017, 4, 3), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.CIN_PLAN_ENDS_BEFORE_REVIEW):
        cin_plan_end(cin_plan=plan, ended_on=D(2017, 4, 2), acting_user=case.user)


def test_cin_review_outside_its_plan_is_refused(case: Case):
    plan = step_cin_plan(case)
    with refused_and_nothing_written(plan_rules.CIN_REVIEW_OUTSIDE_PLAN):
        cin_plan_review_record(cin_plan=plan, held_on=D(2017, 1, 31), acting_user=case.user)
    cin_plan_end(cin_plan=plan, ended_on=D(2017, 5, 1), acting_user=case.user)
    with refused_and_nothing_written(plan_rules.CIN_REVIEW_OUTSIDE_PLAN):
        cin_plan_review_record(cin_plan=plan, held_on=D(2017, 5, 2), acting_user=case.user)


# ---- access ---------------------------------------------------------------------------------


def test_social_worker_with_no_access_is_denied_and_nothing_written(case: Case):
    plan = step_cin_plan(case)
    episode = early_help_episode_start(
        child=case.child, started_on=D(2017, 2, 6), acting_user=case.user
    )
    stranger = social_worker_create("SW002", team_create("SAFE2"), "other.sw")
    before = rows()
    with pytest.raises(PermissionDenied):
        early_help_episode_start(child=case.child, started_on=D(2017, 6, 1), acting_user=stranger)
    with pytest.raises(PermissionDenied):
        early_help_episode_end(
            episode=episode,
            ended_on=D(2017, 6, 1),
            outcome=EarlyHelpOutcome.OTHER,
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        cin_plan_start(referral=plan.referral, started_on=D(2017, 6, 1), acting_user=stranger)
    with pytest.raises(PermissionDenied):
        cin_plan_review_record(cin_plan=plan, held_on=D(2017, 4, 3), acting_user=stranger)
    with pytest.raises(PermissionDenied):
        cin_plan_end(cin_plan=plan, ended_on=D(2017, 6, 1), acting_user=stranger)
    assert rows() == before
    plan.refresh_from_db()
    episode.refresh_from_db()
    assert (plan.ended_on, episode.ended_on) == (None, None)

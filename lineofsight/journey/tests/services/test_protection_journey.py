"""The child protection journey written through the services: contact to the end of a plan,
each refused sequence (nothing written), and a worker with no access (nothing written)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey import services
from lineofsight.journey.constants import (
    AssessmentOutcome,
    CategoryOfAbuse,
    ConferenceKind,
    ConferenceOutcome,
    ContactOutcome,
    CPPlanEndReason,
    ReferralSource,
    Section47Outcome,
    StrategyDecision,
    VisitKind,
)
from lineofsight.journey.domain import sequence as rules
from lineofsight.journey.models import (
    ChildProtectionPlan,
    Contact,
    Referral,
    Section47Enquiry,
)
from lineofsight.journey.tests.builders import (
    TODAY,
    Case,
    D,
    allocate,
    at,
    child_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.services.checks import refused_and_nothing_written, rows

pytestmark = pytest.mark.django_db


# ---- journey steps, for the refusal tests that need the earlier ones -------------------------


def step_contact(case: Case) -> Contact:
    contact = services.contact_record(
        child=case.child,
        received_at=at(D(2017, 1, 9), 10, 30),
        source=ReferralSource.S2A,
        concerns="Bruising seen at school",
        acting_user=case.user,
    )
    return services.contact_decide(
        contact=contact,
        decision_at=at(D(2017, 1, 9), 15),
        outcome=ContactOutcome.REFERRAL,
        acting_user=case.user,
    )


def step_referral(case: Case) -> Referral:
    return services.referral_create(
        child=case.child,
        referred_on=D(2017, 1, 9),
        source=ReferralSource.S2A,
        contact=step_contact(case),
        acting_user=case.user,
    )


def step_s47(case: Case) -> Section47Enquiry:
    referral = step_referral(case)
    discussion = services.strategy_discussion_record(
        referral=referral,
        held_on=D(2017, 1, 12),
        decision=StrategyDecision.S47,
        acting_user=case.user,
    )
    return services.section47_enquiry_start(
        referral=referral,
        strategy_discussion=discussion,
        started_on=D(2017, 1, 12),
        acting_user=case.user,
    )


def step_plan(case: Case) -> ChildProtectionPlan:
    enquiry = step_s47(case)
    conference = services.conference_record(
        referral=enquiry.referral,
        kind=ConferenceKind.INITIAL,
        held_on=D(2017, 2, 1),
        outcome=ConferenceOutcome.PLAN,
        section47_enquiry=enquiry,
        initial_category=CategoryOfAbuse.PHY,
        acting_user=case.user,
    )
    assert conference.cp_plan is not None
    return conference.cp_plan


# ---- the whole journey ----------------------------------------------------------------------


def test_the_whole_child_protection_journey_is_recorded_and_audited(case: Case):
    user = case.user
    contact = services.contact_record(
        child=case.child,
        received_at=at(D(2017, 1, 9), 10, 30),
        source=ReferralSource.S2A,
        concerns="Bruising seen at school",
        is_mash=True,
        acting_user=user,
    )
    contact = services.contact_decide(
        contact=contact,
        decision_at=at(D(2017, 1, 9), 15),
        outcome=ContactOutcome.REFERRAL,
        threshold_level="4",
        acting_user=user,
    )
    referral = services.referral_create(
        child=case.child,
        referred_on=D(2017, 1, 9),
        source=ReferralSource.S2A,
        contact=contact,
        primary_need="N1",
        team=case.team,
        worker=case.worker,
        acting_user=user,
    )
    assessment = services.assessment_start(
        referral=referral, started_on=D(2017, 1, 10), acting_user=user
    )
    discussion = services.strategy_discussion_record(
        referral=referral,
        held_on=D(2017, 1, 12),
        decision=StrategyDecision.S47,
        education_attended=True,
        acting_user=user,
    )
    enquiry = services.section47_enquiry_start(
        referral=referral,
        strategy_discussion=discussion,
        started_on=D(2017, 1, 12),
        icpc_target_on=D(2017, 2, 2),
        acting_user=user,
    )
    enquiry = services.section47_enquiry_complete(
        enquiry=enquiry,
        completed_on=D(2017, 1, 27),
        outcome=Section47Outcome.SUBSTANTIATED_ICPC,
        acting_user=user,
    )
    assessment = services.assessment_complete(
        assessment=assessment,
        authorised_on=D(2017, 1, 30),
        child_seen_on=D(2017, 1, 11),
        outcome=AssessmentOutcome.S47,
        acting_user=user,
    )
    icpc = services.conference_record(
        referral=referral,
        kind=ConferenceKind.INITIAL,
        held_on=D(2017, 2, 1),
        outcome=ConferenceOutcome.PLAN,
        section47_enquiry=enquiry,
        initial_category=CategoryOfAbuse.PHY,
        minutes_distributed_on=D(2017, 2, 3),
        acting_user=user,
    )
    plan = ChildProtectionPlan.objects.get()
    core_group = services.core_group_record(cp_plan=plan, held_on=D(2017, 2, 10), acting_user=user)
    visit = services.visit_record(
        child=case.child,
        kind=VisitKind.CP,
        visited_on=D(2017, 2, 8),
        child_seen=True,
        child_seen_alone=True,
        bedroom_seen=True,
        acting_user=user,
    )
    review = services.conference_record(
        referral=referral,
        kind=ConferenceKind.REVIEW,
        held_on=D(2017, 4, 26),
        outcome=ConferenceOutcome.PLAN_CONTINUES,
        acting_user=user,
    )
    plan = services.cp_plan_end(
        cp_plan=plan, ended_on=D(2017, 7, 10), end_reason=CPPlanEndReason.CIN_PLAN, acting_user=user
    )

    # The rows and their links.
    contact.refresh_from_db()
    assert contact.outcome == ContactOutcome.REFERRAL
    assert contact.decided_by == case.worker
    assert contact.threshold_level == "4"
    referral.refresh_from_db()
    assert referral.contact == contact
    assert (referral.child, referral.team, referral.worker) == (case.child, case.team, case.worker)
    assert assessment.referral == referral
    assert (assessment.authorised_on, assessment.child_seen_on) == (D(2017, 1, 30), D(2017, 1, 11))
    assert assessment.assessed_by == case.worker
    assert discussion.referral == referral
    assert enquiry.strategy_discussion == discussion
    assert enquiry.completed_on == D(2017, 1, 27)
    icpc.refresh_from_db()
    assert icpc.section47_enquiry == enquiry
    assert icpc.cp_plan == plan
    assert plan.referral == referral
    assert plan.started_on == icpc.held_on
    assert (plan.initial_category, plan.latest_category) == ("PHY", "PHY")
    assert plan.previous_plans_count == 0
    assert (plan.ended_on, plan.end_reason) == (D(2017, 7, 10), CPPlanEndReason.CIN_PLAN)
    assert core_group.cp_plan == plan
    assert (visit.child, visit.worker, visit.child_seen, visit.child_seen_alone) == (
        case.child,
        case.worker,
        True,
        True,
    )
    assert review.cp_plan == plan
    assert list(plan.review_conferences.order_by("held_on")) == [icpc, review]

    # Every key is new, prefixed as the synthesiser's are, and fits the column.
    records = [contact, referral, assessment, discussion, enquiry, icpc, plan, core_group, visit]
    assert [r.key.split("-")[0] for r in records] == [
        "CON",
        "REF",
        "ASM",
        "SD",
        "S47",
        "CONF",
        "CPP",
        "CG",
        "VIS",
    ]
    assert all(len(r.key) <= 40 for r in records)

    # One audit row per record created or changed, by the acting user, naming the child.
    events = list(AuditEvent.objects.order_by("pk"))
    assert {(e.actor_id, e.child_id) for e in events} == {(user.pk, "TEST0001")}
    assert [(e.action, e.record_type, e.record_key) for e in events] == [
        (AuditAction.CREATED, "contact", contact.key),
        (AuditAction.CHANGED, "contact", contact.key),
        (AuditAction.CREATED, "referral", referral.key),
        (AuditAction.CREATED, "assessment", assessment.key),
        (AuditAction.CREATED, "strategy_discussion", discussion.key),
        (AuditAction.CREATED, "section47_enquiry", enquiry.key),
        (AuditAction.CHANGED, "section47_enquiry", enquiry.key),
        (AuditAction.CHANGED, "assessment", assessment.key),
        (AuditAction.CREATED, "conference", icpc.key),
        (AuditAction.CREATED, "child_protection_plan", plan.key),
        (AuditAction.CHANGED, "conference", icpc.key),
        (AuditAction.CREATED, "core_group", core_group.key),
        (AuditAction.CREATED, "visit", visit.key),
        (AuditAction.CREATED, "conference", review.key),
        (AuditAction.CHANGED, "child_protection_plan", plan.key),
    ]
    assert events[-1].detail == {"fields": ["ended_on", "end_reason"]}


def test_review_deciding_the_plan_ends_ends_it_in_the_same_write(case: Case):
    plan = step_plan(case)
    review = services.conference_record(
        referral=plan.referral,
        kind=ConferenceKind.REVIEW,
        held_on=D(2017, 4, 26),
        outcome=ConferenceOutcome.PLAN_ENDS,
        end_reason=CPPlanEndReason.NO_FURTHER,
        acting_user=case.user,
    )
    plan.refresh_from_db()
    assert review.cp_plan == plan
    assert (plan.ended_on, plan.end_reason) == (D(2017, 4, 26), CPPlanEndReason.NO_FURTHER)
    last_two = list(AuditEvent.objects.order_by("-pk")[:2])
    assert [(e.action, e.record_type) for e in last_two] == [
        (AuditAction.CHANGED, "child_protection_plan"),
        (AuditAction.CREATED, "conference"),
    ]


def test_a_second_plan_after_the_first_ended_counts_the_previous_one(case: Case):
    plan = step_plan(case)
    services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 3, 1), acting_user=case.user)
    conference = services.conference_record(
        referral=plan.referral,
        kind=ConferenceKind.INITIAL,
        held_on=D(2017, 6, 1),
        outcome=ConferenceOutcome.PLAN,
        section47_enquiry=Section47Enquiry.objects.get(),
        initial_category=CategoryOfAbuse.NEG,
        acting_user=case.user,
    )
    assert conference.cp_plan is not None
    assert conference.cp_plan.previous_plans_count == 1


def test_conference_deciding_no_plan_starts_none(case: Case):
    enquiry = step_s47(case)
    conference = services.conference_record(
        referral=enquiry.referral,
        kind=ConferenceKind.INITIAL,
        held_on=D(2017, 2, 1),
        outcome=ConferenceOutcome.NO_PLAN,
        section47_enquiry=enquiry,
        acting_user=case.user,
    )
    assert conference.cp_plan is None
    assert not ChildProtectionPlan.objects.exists()


def test_unborn_child_has_a_pre_birth_conference_and_a_plan(case: Case):
    unborn = child_create("TEST0002", expected_birth_on=D(2017, 6, 20))
    allocate(unborn, case.user, case.team)
    referral = services.referral_create(
        child=unborn, referred_on=D(2017, 2, 1), source=ReferralSource.S3F, acting_user=case.user
    )
    discussion = services.strategy_discussion_record(
        referral=referral,
        held_on=D(2017, 2, 6),
        decision=StrategyDecision.S47,
        acting_user=case.user,
    )
    enquiry = services.section47_enquiry_start(
        referral=referral,
        strategy_discussion=discussion,
        started_on=D(2017, 2, 6),
        acting_user=case.user,
    )
    services.visit_record(
        child=unborn,
        kind=VisitKind.PRE_BIRTH,
        visited_on=D(2017, 2, 20),
        child_seen=False,
        child_seen_alone=False,
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.UNBORN_ONLY_PRE_BIRTH):
        services.conference_record(
            referral=referral,
            kind=ConferenceKind.INITIAL,
            held_on=D(2017, 3, 20),
            outcome=ConferenceOutcome.PLAN,
            section47_enquiry=enquiry,
            initial_category=CategoryOfAbuse.NEG,
            acting_user=case.user,
        )
    conference = services.conference_record(
        referral=referral,
        kind=ConferenceKind.PRE_BIRTH,
        held_on=D(2017, 3, 20),
        outcome=ConferenceOutcome.PLAN,
        section47_enquiry=enquiry,
        initial_category=CategoryOfAbuse.NEG,
        acting_user=case.user,
    )
    assert conference.cp_plan is not None
    assert conference.cp_plan.started_on == D(2017, 3, 20)


# ---- refused sequences: nothing written -----------------------------------------------------


def test_visit_before_the_child_was_born_is_refused(case: Case):
    with refused_and_nothing_written(rules.EVENT_BEFORE_BIRTH):
        services.visit_record(
            child=case.child,
            kind=VisitKind.CIN,
            visited_on=D(2010, 5, 16),
            child_seen=True,
            child_seen_alone=False,
            acting_user=case.user,
        )


def test_referral_long_before_the_birth_is_refused(case: Case):
    with refused_and_nothing_written(rules.EVENT_TOO_LONG_BEFORE_BIRTH):
        services.referral_create(
            child=case.child,
            referred_on=D(2009, 5, 1),
            source=ReferralSource.S6,
            acting_user=case.user,
        )


def test_contact_received_in_the_future_is_refused(case: Case):
    with refused_and_nothing_written(rules.DATE_IN_FUTURE):
        services.contact_record(
            child=case.child,
            received_at=at(TODAY + dt.timedelta(days=1), 9),
            source=ReferralSource.S6,
            acting_user=case.user,
        )


def test_contact_decided_before_it_was_received_is_refused(case: Case):
    contact = services.contact_record(
        child=case.child,
        received_at=at(D(2017, 1, 9), 10),
        source=ReferralSource.S6,
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.CONTACT_DECIDED_BEFORE_RECEIVED):
        services.contact_decide(
            contact=contact,
            decision_at=at(D(2017, 1, 9), 9),
            outcome=ContactOutcome.REFERRAL,
            acting_user=case.user,
        )


def test_referral_before_its_contact_is_refused(case: Case):
    contact = step_contact(case)
    with refused_and_nothing_written(rules.REFERRAL_BEFORE_CONTACT):
        services.referral_create(
            child=case.child,
            referred_on=D(2017, 1, 8),
            source=ReferralSource.S2A,
            contact=contact,
            acting_user=case.user,
        )


def test_referral_from_a_contact_decided_otherwise_is_refused(case: Case):
    contact = services.contact_record(
        child=case.child,
        received_at=at(D(2017, 1, 9), 10),
        source=ReferralSource.S6,
        acting_user=case.user,
    )
    services.contact_decide(
        contact=contact,
        decision_at=at(D(2017, 1, 9), 12),
        outcome=ContactOutcome.ADVICE,
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.CONTACT_NOT_A_REFERRAL):
        services.referral_create(
            child=case.child,
            referred_on=D(2017, 1, 9),
            source=ReferralSource.S6,
            contact=contact,
            acting_user=case.user,
        )


def test_second_open_referral_is_refused(case: Case):
    step_referral(case)
    with refused_and_nothing_written(rules.REFERRAL_ALREADY_OPEN):
        services.referral_create(
            child=case.child,
            referred_on=D(2017, 3, 1),
            source=ReferralSource.S6,
            acting_user=case.user,
        )


def test_assessment_before_its_referral_is_refused(case: Case):
    referral = step_referral(case)
    with refused_and_nothing_written(rules.BEFORE_REFERRAL):
        services.assessment_start(
            referral=referral, started_on=D(2017, 1, 8), acting_user=case.user
        )


def test_assessment_authorised_before_it_started_is_refused(case: Case):
    referral = step_referral(case)
    assessment = services.assessment_start(
        referral=referral, started_on=D(2017, 1, 10), acting_user=case.user
    )
    with refused_and_nothing_written(rules.ASSESSMENT_AUTHORISED_BEFORE_START):
        services.assessment_complete(
            assessment=assessment,
            authorised_on=D(2017, 1, 9),
            outcome=AssessmentOutcome.NFA,
            acting_user=case.user,
        )
    assessment.refresh_from_db()
    assert assessment.authorised_on is None


def test_s47_without_a_strategy_discussion_is_refused(case: Case):
    referral = step_referral(case)
    with refused_and_nothing_written(rules.S47_NEEDS_STRATEGY_DISCUSSION):
        services.section47_enquiry_start(
            referral=referral,
            strategy_discussion=None,
            started_on=D(2017, 1, 12),
            acting_user=case.user,
        )


def test_s47_before_its_strategy_discussion_is_refused(case: Case):
    referral = step_referral(case)
    discussion = services.strategy_discussion_record(
        referral=referral,
        held_on=D(2017, 1, 12),
        decision=StrategyDecision.S47,
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.S47_NEEDS_STRATEGY_DISCUSSION):
        services.section47_enquiry_start(
            referral=referral,
            strategy_discussion=discussion,
            started_on=D(2017, 1, 11),
            acting_user=case.user,
        )


def test_s47_completed_before_it_started_is_refused(case: Case):
    enquiry = step_s47(case)
    with refused_and_nothing_written(rules.END_BEFORE_START):
        services.section47_enquiry_complete(
            enquiry=enquiry,
            completed_on=D(2017, 1, 11),
            outcome=Section47Outcome.NOT_SUBSTANTIATED,
            acting_user=case.user,
        )


def test_initial_conference_without_an_s47_is_refused(case: Case):
    referral = step_referral(case)
    with refused_and_nothing_written(rules.CONFERENCE_NEEDS_S47):
        services.conference_record(
            referral=referral,
            kind=ConferenceKind.INITIAL,
            held_on=D(2017, 2, 1),
            outcome=ConferenceOutcome.PLAN,
            initial_category=CategoryOfAbuse.NEG,
            acting_user=case.user,
        )


def test_cp_plan_without_a_conference_deciding_one_is_refused(case: Case):
    enquiry = step_s47(case)
    with refused_and_nothing_written(rules.CP_PLAN_NEEDS_CONFERENCE):
        services.cp_plan_start(
            referral=enquiry.referral,
            started_on=D(2017, 2, 1),
            initial_category=CategoryOfAbuse.NEG,
            acting_user=case.user,
        )
    services.conference_record(
        referral=enquiry.referral,
        kind=ConferenceKind.INITIAL,
        held_on=D(2017, 2, 1),
        outcome=ConferenceOutcome.NO_PLAN,
        section47_enquiry=enquiry,
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.CP_PLAN_NEEDS_CONFERENCE):
        services.cp_plan_start(
            referral=enquiry.referral,
            started_on=D(2017, 2, 1),
            initial_category=CategoryOfAbuse.NEG,
            acting_user=case.user,
        )


def test_second_open_cp_plan_is_refused_and_its_conference_not_written(case: Case):
    plan = step_plan(case)
    with refused_and_nothing_written(rules.CP_PLAN_ALREADY_OPEN):
        services.conference_record(
            referral=plan.referral,
            kind=ConferenceKind.INITIAL,
            held_on=D(2017, 3, 1),
            outcome=ConferenceOutcome.PLAN,
            section47_enquiry=Section47Enquiry.objects.get(),
            initial_category=CategoryOfAbuse.NEG,
            acting_user=case.user,
        )


def test_review_conference_with_no_open_plan_is_refused(case: Case):
    enquiry = step_s47(case)
    with refused_and_nothing_written(rules.REVIEW_NEEDS_OPEN_PLAN):
        services.conference_record(
            referral=enquiry.referral,
            kind=ConferenceKind.REVIEW,
            held_on=D(2017, 4, 26),
            outcome=ConferenceOutcome.PLAN_CONTINUES,
            acting_user=case.user,
        )


def test_review_conference_deciding_on_a_new_plan_is_refused(case: Case):
    plan = step_plan(case)
    with refused_and_nothing_written(rules.CONFERENCE_OUTCOME_DOES_NOT_FIT):
        services.conference_record(
            referral=plan.referral,
            kind=ConferenceKind.REVIEW,
            held_on=D(2017, 4, 26),
            outcome=ConferenceOutcome.PLAN,
            acting_user=case.user,
        )


def test_plan_ending_before_it_started_is_refused(case: Case):
    plan = step_plan(case)
    with refused_and_nothing_written(rules.CP_PLAN_ENDS_BEFORE_START):
        services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 1, 31), acting_user=case.user)
    with refused_and_nothing_written(rules.CP_PLAN_ENDS_BEFORE_START):
        services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 2, 1), acting_user=case.user)


def test_plan_may_end_before_its_last_review_and_visit(case: Case):
    """The end is not tied to the last review or visit recorded (a late entry is possible)."""
    plan = step_plan(case)
    services.visit_record(
        child=case.child,
        kind=VisitKind.CP,
        visited_on=D(2017, 4, 20),
        child_seen=True,
        child_seen_alone=False,
        acting_user=case.user,
    )
    services.conference_record(
        referral=plan.referral,
        kind=ConferenceKind.REVIEW,
        held_on=D(2017, 4, 26),
        outcome=ConferenceOutcome.PLAN_CONTINUES,
        acting_user=case.user,
    )
    plan = services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 4, 1), acting_user=case.user)
    assert plan.ended_on == D(2017, 4, 1)


def test_plan_ended_twice_is_refused(case: Case):
    plan = step_plan(case)
    services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 6, 1), acting_user=case.user)
    with refused_and_nothing_written(rules.CP_PLAN_ALREADY_ENDED):
        services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 7, 1), acting_user=case.user)


def test_core_group_before_its_plan_started_is_refused(case: Case):
    plan = step_plan(case)
    with refused_and_nothing_written(rules.CORE_GROUP_OUTSIDE_PLAN):
        services.core_group_record(cp_plan=plan, held_on=D(2017, 1, 31), acting_user=case.user)


def test_visit_seen_alone_but_not_seen_is_refused(case: Case):
    with refused_and_nothing_written(rules.VISIT_SEEN_ALONE_NOT_SEEN):
        services.visit_record(
            child=case.child,
            kind=VisitKind.CIN,
            visited_on=D(2017, 2, 8),
            child_seen=False,
            child_seen_alone=True,
            acting_user=case.user,
        )


def test_cp_visit_with_no_plan_open_is_refused(case: Case):
    with refused_and_nothing_written(rules.CP_VISIT_NEEDS_OPEN_PLAN):
        services.visit_record(
            child=case.child,
            kind=VisitKind.CP,
            visited_on=D(2017, 2, 8),
            child_seen=True,
            child_seen_alone=False,
            acting_user=case.user,
        )


# ---- access ---------------------------------------------------------------------------------


def test_social_worker_of_another_team_with_no_allocation_is_denied_and_nothing_written(
    case: Case,
):
    plan = step_plan(case)
    stranger = social_worker_create("SW002", team_create("SAFE2"), "other.sw")
    before = rows()
    with pytest.raises(PermissionDenied):
        services.contact_record(
            child=case.child,
            received_at=at(D(2017, 3, 1), 9),
            source=ReferralSource.S6,
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        services.visit_record(
            child=case.child,
            kind=VisitKind.CP,
            visited_on=D(2017, 3, 1),
            child_seen=True,
            child_seen_alone=True,
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        services.cp_plan_end(cp_plan=plan, ended_on=D(2017, 6, 1), acting_user=stranger)
    assert rows() == before
    plan.refresh_from_db()
    assert plan.ended_on is None

"""The database refuses rows that cannot be true, whichever backend runs it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from lineofsight.journey.models import (
    Adoption,
    ChildProtectionPlan,
    CLAEpisode,
    Decision,
    PreviousPermanence,
    Referral,
    Visit,
)
from lineofsight.people.models import Allocation, Child, Team, Worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def child():
    return Child.objects.create(
        child_id="C100",
        given_name="Amy",
        family_name="Cole",
        sex="F",
        born_on=date(2010, 5, 1),
        ethnicity="WBRI",
    )


@pytest.fixture
def referral(child):
    return Referral.objects.create(key="R1", child=child, referred_on=date(2016, 4, 13), source="6")


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_child_needs_a_birth_or_expected_birth_date():
    refused(
        lambda: Child.objects.create(
            child_id="C1", given_name="A", family_name="B", sex="U", ethnicity="NOBT"
        )
    )


def test_child_cannot_die_before_birth():
    refused(
        lambda: Child.objects.create(
            child_id="C1",
            given_name="A",
            family_name="B",
            sex="M",
            ethnicity="WBRI",
            born_on=date(2012, 1, 1),
            died_on=date(2011, 1, 1),
        )
    )


def test_first_child_only_when_motherhood_is_recorded(child):
    child.first_child_born_on = date(2026, 1, 1)
    refused(lambda: child.save(update_fields=["first_child_born_on"]))
    child.motherhood_recorded = True
    child.save(update_fields=["first_child_born_on", "motherhood_recorded"])


def test_first_child_cannot_be_born_before_the_mother(child):
    child.motherhood_recorded = True
    child.first_child_born_on = date(2010, 5, 1)
    refused(lambda: child.save(update_fields=["first_child_born_on", "motherhood_recorded"]))


def test_child_id_is_unique(child):
    refused(
        lambda: Child.objects.create(
            child_id="C100",
            given_name="A",
            family_name="B",
            sex="M",
            ethnicity="WBRI",
            born_on=date(2012, 1, 1),
        )
    )


def test_referral_cannot_close_before_it_starts(child):
    refused(
        lambda: Referral.objects.create(
            key="R9",
            child=child,
            referred_on=date(2016, 4, 13),
            source="6",
            closed_on=date(2016, 4, 12),
            closure_reason="RC7",
        )
    )


def test_referral_closure_reason_only_with_closure_date(child):
    refused(
        lambda: Referral.objects.create(
            key="R9", child=child, referred_on=date(2016, 4, 13), source="6", closure_reason="RC7"
        )
    )
    refused(
        lambda: Referral.objects.create(
            key="R8",
            child=child,
            referred_on=date(2016, 4, 14),
            source="6",
            closed_on=date(2016, 5, 1),
        )
    )


def test_cp_plan_cannot_start_and_end_the_same_day(referral):
    refused(
        lambda: ChildProtectionPlan.objects.create(
            key="CP1",
            referral=referral,
            started_on=date(2016, 5, 4),
            ended_on=date(2016, 5, 4),
            initial_category="NEG",
            latest_category="NEG",
        )
    )


def test_cla_episode_end_and_reason_go_together(child):
    base = {
        "child": child,
        "started_on": date(2016, 6, 1),
        "reason_new": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U6",
    }
    refused(lambda: CLAEpisode.objects.create(key="E1", ended_on=date(2016, 7, 1), **base))
    refused(lambda: CLAEpisode.objects.create(key="E2", reason_ceased="E13", **base))
    refused(
        lambda: CLAEpisode.objects.create(
            key="E3", ended_on=date(2016, 5, 1), reason_ceased="X1", **base
        )
    )
    CLAEpisode.objects.create(key="E4", ended_on=date(2016, 7, 1), reason_ceased="X1", **base)


def test_decision_requires_a_rationale(child):
    refused(
        lambda: Decision.objects.create(
            key="D1",
            child=child,
            made_at="2016-05-05T10:00:00Z",
            kind="closure",
            decision="Close the case",
            rationale="",
        )
    )


def test_adoption_dates_run_in_order(child):
    refused(
        lambda: Adoption.objects.create(
            key="A1", child=child, decision_on=date(2016, 5, 1), matched_on=date(2016, 4, 1)
        )
    )


def test_no_previous_permanence_has_no_la(child):
    refused(
        lambda: PreviousPermanence.objects.create(key="P1", child=child, kind="Z1", la_code="335")
    )


def test_visit_seen_alone_implies_seen(child):
    refused(
        lambda: Visit.objects.create(
            key="V1",
            child=child,
            kind="cp",
            visited_on=date(2016, 5, 5),
            child_seen=False,
            child_seen_alone=True,
        )
    )


def test_allocation_names_a_worker_unless_held(child):
    team = Team.objects.create(code="T1", name="Team 1", service_area="safeguarding")
    refused(
        lambda: Allocation.objects.create(
            key="AL1", child=child, team=team, role="social_worker", started_on=date(2016, 5, 1)
        )
    )
    Allocation.objects.create(
        key="AL2", child=child, team=team, role="duty", started_on=date(2016, 5, 1)
    )


def test_worker_fte_between_zero_and_one():
    refused(
        lambda: Worker.objects.create(
            staff_id="SW1",
            given_name="A",
            family_name="B",
            role="social_worker",
            fte=1.5,
            started_on=date(2015, 1, 1),
        )
    )

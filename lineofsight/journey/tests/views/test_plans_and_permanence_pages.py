"""The early help, child in need plan, court, adoption, care leaver and private fostering
pages: each records through its service, pre-fills what is known, shows a missing answer or a
refused sequence with nothing written, and is offered only when it can apply. Looked-after
episodes are set up directly, as a return loads them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.journey import services
from lineofsight.journey.domain import sequence_plans_and_permanence as plan_rules
from lineofsight.journey.models import (
    Adoption,
    CareLeaverStatus,
    CINPlan,
    CINPlanReview,
    CLAEpisode,
    EarlyHelpEpisode,
    LegalProceeding,
    PrivateFosteringArrangement,
    Referral,
)
from lineofsight.journey.steps import STEPS
from lineofsight.journey.steps.plans_and_permanence import PERMANENCE_STAGE, PLANS_STAGE
from lineofsight.journey.tests.builders import (
    TODAY,
    Case,
    D,
    allocate,
    child_create,
)
from lineofsight.journey.tests.more_builders import looked_after
from lineofsight.journey.tests.views.pages import (
    page,
    prefilled_date,
    record,
    refused,
    saved,
    step_url,
    written,
)
from lineofsight.people.models import Child

pytestmark = pytest.mark.django_db

OUR_SLUGS = [slug for slug, step in STEPS.items() if step.stage in {PLANS_STAGE, PERMANENCE_STAGE}]


@pytest.fixture
def young_person(case: Case) -> Child:
    """TEST0003, born 2 March 2000 (17 on the test's today), looked after from 5 January 2015
    to 1 March 2017, allocated to the case's social worker."""
    child = child_create("TEST0003", born_on=D(2000, 3, 2))
    allocate(child, case.user, case.team)
    looked_after(child, D(2015, 1, 5), D(2017, 3, 1))
    return child


# ---- setting up -----------------------------------------------------------------------------


REFERRED_ON = D(2017, 2, 1)


def referral(case: Case, referred_on: dt.date = REFERRED_ON) -> Referral:
    return services.referral_create(
        child=case.child, referred_on=referred_on, source="2B", acting_user=case.user
    )


def cin_plan(case: Case) -> CINPlan:
    return services.cin_plan_start(
        referral=referral(case), started_on=D(2017, 3, 1), acting_user=case.user
    )


def adoption(case: Case, *steps: str) -> Adoption:
    """An adoption decided on 10 January 2017 for a child looked after since June 2016, with
    the steps named recorded (each on its day below)."""
    looked_after(case.child, D(2016, 6, 1))
    made = services.adoption_decision_record(
        child=case.child, decision_on=D(2017, 1, 10), acting_user=case.user
    )
    if "placement_order" in steps:
        made = services.adoption_placement_order_record(
            adoption=made, placement_order_on=D(2017, 3, 1), acting_user=case.user
        )
    if "matched" in steps:
        made = services.adoption_matched_record(
            adoption=made, matched_on=D(2017, 5, 1), acting_user=case.user
        )
    if "placed" in steps:
        made = services.adoption_placed_record(
            adoption=made, placed_on=D(2017, 6, 1), acting_user=case.user
        )
    return made


# ---- posting and reading pages --------------------------------------------------------------


def offered(child: Child) -> set[str]:
    return {slug for slug in OUR_SLUGS if STEPS[slug].offered(child)}


# ---- early help -----------------------------------------------------------------------------


def test_early_help_starts_through_its_page_stepped_down_from_a_referral(
    case: Case, worker: Client
) -> None:
    stepped_down = referral(case, D(2017, 4, 3))
    form = page(worker, case.child, "early-help-start")
    assert prefilled_date("started_on", TODAY) in form
    assert '<option value="SAFE1" selected>' in form  # the allocated team

    saved(
        record(
            worker,
            case.child,
            "early-help-start",
            started_on=D(2017, 5, 2),
            lead_agency="Hollybrook Primary School",
            team="SAFE1",
            stepped_down_from=stepped_down.key,
        ),
        "Early help started",
    )

    episode = EarlyHelpEpisode.objects.get()
    assert (episode.child, episode.started_on, episode.ended_on) == (
        case.child,
        D(2017, 5, 2),
        None,
    )
    assert episode.lead_agency == "Hollybrook Primary School"
    assert episode.team == case.team
    assert episode.stepped_down_from == stepped_down
    assert "early-help-start" not in offered(case.child)
    assert "early-help-end" in offered(case.child)


def test_early_help_ends_through_its_page(case: Case, worker: Client) -> None:
    episode = services.early_help_episode_start(
        child=case.child, started_on=D(2017, 5, 2), acting_user=case.user
    )
    form = page(worker, case.child, "early-help-end")
    assert f'value="{episode.key}" checked' in form

    saved(
        record(
            worker,
            case.child,
            "early-help-end",
            episode=episode.key,
            ended_on=D(2017, 8, 14),
            outcome="needs_met",
        ),
        "Early help ended",
    )

    episode.refresh_from_db()
    assert (episode.ended_on, episode.outcome) == (D(2017, 8, 14), "needs_met")
    assert "early-help-end" not in offered(case.child)


def test_early_help_ending_with_no_outcome_is_shown_and_nothing_written(
    case: Case, worker: Client
) -> None:
    episode = services.early_help_episode_start(
        child=case.child, started_on=D(2017, 5, 2), acting_user=case.user
    )
    before = written()

    html = record(worker, case.child, "early-help-end", episode=episode.key, ended_on=TODAY)

    assert "There is a problem" in html
    assert '<a href="#id_outcome">Select how early help ended</a>' in html
    assert html.count("govuk-form-group--error") == 1
    assert written() == before
    episode.refresh_from_db()
    assert episode.ended_on is None


# ---- child in need plans --------------------------------------------------------------------


def test_a_cin_plan_starts_through_its_page(case: Case, worker: Client) -> None:
    assert "cin-plan-start" not in offered(case.child)  # no referral open
    open_referral = referral(case)
    form = page(worker, case.child, "cin-plan-start")
    assert f'value="{open_referral.key}" checked' in form
    assert prefilled_date("started_on", TODAY) in form

    saved(
        record(
            worker,
            case.child,
            "cin-plan-start",
            referral=open_referral.key,
            started_on=D(2017, 3, 1),
        ),
        "Child in need plan started",
    )

    plan = CINPlan.objects.get()
    assert (plan.referral, plan.started_on, plan.ended_on) == (open_referral, D(2017, 3, 1), None)
    assert "cin-plan-start" not in offered(case.child)
    assert {"cin-plan-review", "cin-plan-end"} <= offered(case.child)


def test_a_cin_plan_start_is_pre_filled_from_the_assessment_that_concluded_on_it(
    case: Case, worker: Client
) -> None:
    open_referral = referral(case)
    assessment = services.assessment_start(
        referral=open_referral, started_on=D(2017, 2, 2), acting_user=case.user
    )
    services.assessment_complete(
        assessment=assessment,
        authorised_on=D(2017, 3, 8),
        outcome="cin_plan",
        acting_user=case.user,
    )

    assert prefilled_date("started_on", D(2017, 3, 8)) in page(worker, case.child, "cin-plan-start")


def test_a_cin_plan_review_is_recorded_through_its_page(case: Case, worker: Client) -> None:
    plan = cin_plan(case)
    form = page(worker, case.child, "cin-plan-review")
    assert f'value="{plan.key}" checked' in form
    assert prefilled_date("held_on", TODAY) in form

    saved(
        record(worker, case.child, "cin-plan-review", cin_plan=plan.key, held_on=D(2017, 5, 24)),
        "Child in need plan review recorded",
    )

    review = CINPlanReview.objects.get()
    assert (review.cin_plan, review.held_on) == (plan, D(2017, 5, 24))


def test_a_cin_plan_review_before_the_plan_is_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    plan = cin_plan(case)
    before = written()

    html = record(worker, case.child, "cin-plan-review", cin_plan=plan.key, held_on=D(2017, 2, 20))

    refused(html, plan_rules.CIN_REVIEW_OUTSIDE_PLAN)
    assert written() == before


def test_a_cin_plan_ends_through_its_page(case: Case, worker: Client) -> None:
    plan = cin_plan(case)

    saved(
        record(worker, case.child, "cin-plan-end", cin_plan=plan.key, ended_on=D(2017, 9, 1)),
        "Child in need plan ended",
    )

    plan.refresh_from_db()
    assert plan.ended_on == D(2017, 9, 1)
    assert "cin-plan-end" not in offered(case.child)
    assert "cin-plan-start" in offered(case.child)


def test_the_end_of_a_cin_plan_is_offered_only_with_one_open(case: Case) -> None:
    assert not {"cin-plan-end", "cin-plan-review"} & offered(case.child)
    referral(case)
    assert "cin-plan-end" not in offered(case.child)


# ---- court proceedings ----------------------------------------------------------------------


def test_proceedings_start_through_their_page(case: Case, worker: Client) -> None:
    assert prefilled_date("started_on", TODAY) in page(worker, case.child, "proceedings-start")

    saved(
        record(
            worker,
            case.child,
            "proceedings-start",
            kind="care",
            started_on=D(2017, 6, 12),
            court="Bramcote Family Court",
            case_number="ZZ17C00123",
        ),
        "Proceedings recorded",
    )

    proceeding = LegalProceeding.objects.get()
    assert (proceeding.child, proceeding.kind, proceeding.started_on) == (
        case.child,
        "care",
        D(2017, 6, 12),
    )
    assert (proceeding.court, proceeding.case_number) == ("Bramcote Family Court", "ZZ17C00123")
    assert "proceedings-end" in offered(case.child)


def test_proceedings_of_a_kind_already_open_are_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    services.legal_proceeding_record(
        child=case.child, kind="care", started_on=D(2017, 6, 12), acting_user=case.user
    )
    before = written()

    html = record(worker, case.child, "proceedings-start", kind="care", started_on=D(2017, 7, 1))

    refused(html, plan_rules.PROCEEDINGS_ALREADY_OPEN)
    assert written() == before


def test_proceedings_end_through_their_page_pre_filled_with_the_order_sought(
    case: Case, worker: Client
) -> None:
    assert "proceedings-end" not in offered(case.child)
    proceeding = services.legal_proceeding_record(
        child=case.child,
        kind="care",
        started_on=D(2017, 6, 12),
        case_number="ZZ17C00123",
        acting_user=case.user,
    )
    form = page(worker, case.child, "proceedings-end")
    assert f'value="{proceeding.key}" checked' in form
    assert "Care proceedings, started 12 June 2017 (case ZZ17C00123)" in form
    assert 'value="care_order" checked' in form

    saved(
        record(
            worker,
            case.child,
            "proceedings-end",
            proceeding=proceeding.key,
            ended_on=D(2017, 9, 20),
            outcome="supervision_order",
        ),
        "Proceedings ended",
    )

    proceeding.refresh_from_db()
    assert (proceeding.ended_on, proceeding.outcome) == (D(2017, 9, 20), "supervision_order")
    assert "proceedings-end" not in offered(case.child)


# ---- adoption -------------------------------------------------------------------------------


def test_the_adoption_decision_is_recorded_through_its_page(case: Case, worker: Client) -> None:
    assert "adoption-decision" not in offered(case.child)  # not looked after
    looked_after(case.child, D(2016, 6, 1))
    assert 'value="no" checked' in page(worker, case.child, "adoption-decision")

    saved(
        record(
            worker,
            case.child,
            "adoption-decision",
            decision_on=D(2017, 1, 10),
            is_foster_for_adoption="yes",
        ),
        "Adoption decision recorded",
    )

    made = Adoption.objects.get()
    assert (made.child, made.decision_on, made.is_foster_for_adoption) == (
        case.child,
        D(2017, 1, 10),
        True,
    )
    now = offered(case.child)
    assert "adoption-decision" not in now
    assert {"adoption-placement-order", "adoption-matched", "adoption-ceased"} <= now
    assert not {"adoption-placed", "adoption-order"} & now


def test_the_placement_order_is_recorded_through_its_page(case: Case, worker: Client) -> None:
    made = adoption(case)
    form = page(worker, case.child, "adoption-placement-order")
    assert f'value="{made.key}" checked' in form

    saved(
        record(
            worker,
            case.child,
            "adoption-placement-order",
            adoption=made.key,
            placement_order_on=D(2017, 3, 1),
        ),
        "Placement order recorded",
    )

    made.refresh_from_db()
    assert made.placement_order_on == D(2017, 3, 1)
    assert "adoption-placement-order" not in offered(case.child)


def test_the_match_is_recorded_through_its_page(case: Case, worker: Client) -> None:
    made = adoption(case, "placement_order")

    saved(
        record(worker, case.child, "adoption-matched", adoption=made.key, matched_on=D(2017, 5, 1)),
        "Match with adopters recorded",
    )

    made.refresh_from_db()
    assert made.matched_on == D(2017, 5, 1)
    assert {"adoption-placed"} <= offered(case.child)


def test_a_match_dated_before_the_placement_order_is_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    made = adoption(case, "placement_order")
    before = written()

    html = record(
        worker, case.child, "adoption-matched", adoption=made.key, matched_on=D(2017, 2, 1)
    )

    refused(html, plan_rules.ADOPTION_STEPS_OUT_OF_ORDER)
    assert written() == before
    made.refresh_from_db()
    assert made.matched_on is None


def test_the_placement_with_adopters_is_recorded_through_its_page(
    case: Case, worker: Client
) -> None:
    made = adoption(case, "placement_order", "matched")

    saved(
        record(worker, case.child, "adoption-placed", adoption=made.key, placed_on=D(2017, 6, 1)),
        "Placement with adopters recorded",
    )

    made.refresh_from_db()
    assert made.placed_on == D(2017, 6, 1)
    assert "adoption-order" in offered(case.child)


def test_the_adoption_order_is_recorded_through_its_page(case: Case, worker: Client) -> None:
    made = adoption(case, "placement_order", "matched", "placed")
    assert prefilled_date("adoption_order_on", TODAY) in page(worker, case.child, "adoption-order")

    saved(
        record(
            worker,
            case.child,
            "adoption-order",
            adoption=made.key,
            adoption_order_on=D(2017, 9, 1),
            adopter_count="2",
            adopter_sex="MF",
            adopter_legal_status="L11",
            adopted_by_foster_carer="no",
        ),
        "Adoption order recorded",
    )

    made.refresh_from_db()
    assert made.adoption_order_on == D(2017, 9, 1)
    assert (made.adopter_count, made.adopter_sex, made.adopter_legal_status) == (2, "MF", "L11")
    assert made.adopted_by_foster_carer is False
    assert not {slug for slug in offered(case.child) if slug.startswith("adoption-")} - {
        "adoption-decision"
    }


def test_adopters_described_as_one_and_as_a_couple_are_shown_and_nothing_written(
    case: Case, worker: Client
) -> None:
    made = adoption(case, "matched", "placed")
    before = written()

    html = record(
        worker,
        case.child,
        "adoption-order",
        adoption=made.key,
        adoption_order_on=D(2017, 9, 1),
        adopter_count="1",
        adopter_sex="MF",
        adopter_legal_status="L0",
        adopted_by_foster_carer="yes",
    )

    assert "There is a problem" in html
    assert "Select the sex of a single adopter for one adopter" in html
    assert written() == before


def test_the_decision_ceasing_is_recorded_through_its_page(case: Case, worker: Client) -> None:
    made = adoption(case, "placement_order")

    saved(
        record(
            worker,
            case.child,
            "adoption-ceased",
            adoption=made.key,
            ceased_on=D(2017, 7, 3),
            ceased_reason="RD3",
        ),
        "Adoption decision ceased",
    )

    made.refresh_from_db()
    assert (made.ceased_on, made.ceased_reason) == (D(2017, 7, 3), "RD3")
    assert "adoption-matched" not in offered(case.child)
    assert "adoption-decision" in offered(case.child)


def test_an_adoption_step_is_hidden_until_the_one_before_and_while_not_looked_after(
    case: Case,
) -> None:
    made = adoption(case)
    assert "adoption-placed" not in offered(case.child)  # not matched yet
    assert "adoption-order" not in offered(case.child)
    # Once the child stopped being looked after before the decision's date, nothing further.
    CLAEpisode.objects.filter(child=case.child).update(ended_on=D(2016, 12, 31), reason_ceased="E8")
    assert made.decision_on > D(2016, 12, 31)
    assert not {slug for slug in offered(case.child) if slug.startswith("adoption-")}


# ---- care leavers ---------------------------------------------------------------------------


def test_a_care_leaver_contact_is_recorded_through_its_page(
    case: Case, worker: Client, young_person: Child
) -> None:
    form = page(worker, young_person, "care-leaver-contact")
    assert prefilled_date("as_of", TODAY) in form

    saved(
        record(
            worker,
            young_person,
            "care-leaver-contact",
            as_of=D(2017, 3, 2),
            eligibility="relevant",
            in_touch="YES",
            activity="F2",
            accommodation="Z",
            accommodation_suitable="yes",
            staying_put="yes",
            personal_adviser="SW001",
            pathway_plan_reviewed_on=D(2017, 2, 20),
        ),
        "Care leaver's circumstances recorded",
    )

    status = CareLeaverStatus.objects.get()
    assert (status.child, status.as_of, status.eligibility) == (
        young_person,
        D(2017, 3, 2),
        "relevant",
    )
    assert (status.in_touch, status.activity, status.accommodation) == ("YES", "F2", "Z")
    assert status.accommodation_suitable is True
    assert status.staying_put is True
    assert status.personal_adviser == case.worker
    assert status.pathway_plan_reviewed_on == D(2017, 2, 20)


def test_a_care_leaver_contact_is_pre_filled_from_the_latest_circumstances(
    case: Case, worker: Client, young_person: Child
) -> None:
    for as_of, activity in ((D(2017, 3, 2), "F2"), (D(2017, 6, 1), "G5")):
        services.care_leaver_contact_record(
            child=young_person,
            as_of=as_of,
            eligibility="relevant",
            in_touch="YES",
            activity=activity,
            accommodation="D",
            accommodation_suitable=False,
            staying_put=False,
            personal_adviser=case.worker,
            acting_user=case.user,
        )

    form = page(worker, young_person, "care-leaver-contact")

    assert prefilled_date("as_of", TODAY) in form
    assert 'value="relevant" checked' in form
    assert 'value="YES" checked' in form
    assert '<option value="G5" selected>' in form
    assert '<option value="D" selected>' in form
    assert '<option value="SW001" selected>' in form
    assert re.search(r'name="accommodation_suitable" type="radio" value="no" checked', form)


def test_a_care_leaver_contact_missing_its_activity_is_shown_and_nothing_written(
    worker: Client, young_person: Child
) -> None:
    html = record(
        worker,
        young_person,
        "care-leaver-contact",
        as_of=D(2017, 3, 2),
        eligibility="relevant",
        in_touch="YES",
        accommodation="Z",
        staying_put="no",
    )

    assert '<a href="#id_activity">Select the young person&#x27;s main activity</a>' in html
    assert CareLeaverStatus.objects.count() == 0


def test_a_care_leaver_contact_is_offered_only_from_16(case: Case, young_person: Child) -> None:
    assert "care-leaver-contact" not in offered(case.child)  # aged 7
    assert "care-leaver-contact" in offered(young_person)


# ---- private fostering ----------------------------------------------------------------------


def test_a_private_fostering_arrangement_starts_through_its_page(
    case: Case, worker: Client
) -> None:
    assert prefilled_date("notified_on", TODAY) in page(
        worker, case.child, "private-fostering-start"
    )

    saved(
        record(
            worker,
            case.child,
            "private-fostering-start",
            notified_on=D(2017, 4, 11),
            started_on=D(2017, 3, 27),
        ),
        "Private fostering arrangement recorded",
    )

    arrangement = PrivateFosteringArrangement.objects.get()
    assert (arrangement.notified_on, arrangement.started_on) == (D(2017, 4, 11), D(2017, 3, 27))
    assert "private-fostering-start" not in offered(case.child)
    assert "private-fostering-end" in offered(case.child)


def test_a_private_fostering_arrangement_ends_through_its_page(case: Case, worker: Client) -> None:
    arrangement = services.private_fostering_arrangement_start(
        child=case.child,
        notified_on=D(2017, 4, 11),
        started_on=D(2017, 3, 27),
        acting_user=case.user,
    )

    saved(
        record(
            worker,
            case.child,
            "private-fostering-end",
            arrangement=arrangement.key,
            ended_on=D(2017, 8, 31),
        ),
        "Private fostering arrangement ended",
    )

    arrangement.refresh_from_db()
    assert arrangement.ended_on == D(2017, 8, 31)
    assert "private-fostering-end" not in offered(case.child)


def test_private_fostering_is_not_offered_for_a_looked_after_child(case: Case) -> None:
    assert "private-fostering-start" in offered(case.child)
    looked_after(case.child, D(2017, 1, 9))
    assert "private-fostering-start" not in offered(case.child)


# ---- every page -----------------------------------------------------------------------------

SETUPS: dict[str, Callable[[Case], object]] = {
    "early-help-start": lambda case: None,
    "early-help-end": lambda case: services.early_help_episode_start(
        child=case.child, started_on=D(2017, 5, 2), acting_user=case.user
    ),
    "cin-plan-start": referral,
    "cin-plan-review": cin_plan,
    "cin-plan-end": cin_plan,
    "proceedings-start": lambda case: None,
    "proceedings-end": lambda case: services.legal_proceeding_record(
        child=case.child, kind="pre_proceedings", started_on=D(2017, 6, 12), acting_user=case.user
    ),
    "adoption-decision": lambda case: looked_after(case.child, D(2016, 6, 1)),
    "adoption-placement-order": adoption,
    "adoption-matched": adoption,
    "adoption-placed": lambda case: adoption(case, "matched"),
    "adoption-order": lambda case: adoption(case, "matched", "placed"),
    "adoption-ceased": adoption,
    "care-leaver-contact": lambda case: None,  # the young person fixture
    "private-fostering-start": lambda case: None,
    "private-fostering-end": lambda case: services.private_fostering_arrangement_start(
        child=case.child,
        notified_on=D(2017, 4, 11),
        started_on=D(2017, 3, 27),
        acting_user=case.user,
    ),
}


def test_every_step_of_these_stages_has_a_setup_here() -> None:
    assert set(OUR_SLUGS) == set(SETUPS)


@pytest.mark.parametrize("slug", sorted(SETUPS))
def test_each_page_opens_when_offered(
    slug: str, case: Case, worker: Client, young_person: Child
) -> None:
    SETUPS[slug](case)
    child = young_person if slug == "care-leaver-contact" else case.child
    assert STEPS[slug].offered(child), slug

    html = page(worker, child, slug)

    assert f'data-step="{slug}"' in html
    assert STEPS[slug].stage in html


def test_the_record_page_shows_the_stages_with_their_steps(case: Case, worker: Client) -> None:
    cin_plan(case)
    html = worker.get(reverse("timescales:child", args=[case.child.child_id])).content.decode()

    assert PLANS_STAGE in html
    assert PERMANENCE_STAGE in html
    assert step_url(case.child, "cin-plan-review") in html
    assert step_url(case.child, "cin-plan-start") not in html

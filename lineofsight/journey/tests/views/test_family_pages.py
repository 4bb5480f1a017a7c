"""The family and relationships recording pages: a family member added with how they are
related to the child, and the days the child stopped and started living with someone (again);
a missing answer and a refused sequence each shown with nothing written, the ending offered
only when the child lives with someone and the start only when there is someone they do not."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey import steps as registry
from lineofsight.journey.domain.sequence import END_BEFORE_START
from lineofsight.journey.steps import family
from lineofsight.journey.tests.builders import (
    PASSWORD,
    Case,
    D,
    case_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.views.pages import (
    record,
    refused,
    saved,
    step_url,
    written,
)
from lineofsight.people.constants import RelationshipType, Sex
from lineofsight.people.domain import sequence_family as rules
from lineofsight.people.models import Child, HouseholdPeriod, Person, Relationship

pytestmark = pytest.mark.django_db

SLUGS = {step.slug for step in family.STEPS}


@pytest.fixture
def case() -> Case:
    child = case_create()
    Child.objects.filter(pk=child.child.pk).update(
        address="12 Sample Row, Testbury", home_postcode="TB1 2AB"
    )
    child.child.refresh_from_db()
    return child


def periods(relationship: Relationship) -> list[tuple[object, object]]:
    return list(
        relationship.household_periods.order_by("started_on").values_list("started_on", "ended_on")
    )


def offered(child: Child) -> set[str]:
    return {slug for slug in SLUGS if registry.STEPS[slug].offered(child)}


def counts() -> tuple[int, int, int]:
    return (
        Person.objects.count(),
        Relationship.objects.count(),
        AuditEvent.objects.filter(action__in=[AuditAction.CREATED, AuditAction.CHANGED]).count(),
    )


MOTHER = {
    "relationship_type": RelationshipType.MOTHER,
    "given_name": "Demelza",
    "family_name": "Examplesmith",
    "born_on": D(1988, 2, 11),
    "sex": Sex.FEMALE,
    "address": "12 Sample Row, Testbury",
    "postcode": "TB1 2AB",
    "has_parental_responsibility": "yes",
    "lives_with_child_from": D(2010, 5, 17),
}


def mother_added(worker: Client, case: Case) -> Relationship:
    saved(
        record(worker, case.child, "family-member-add", **MOTHER),
        "Person added to the child's family and relationships",
    )
    return Relationship.objects.select_related("person").get(
        relationship_type=RelationshipType.MOTHER
    )


def stopped(worker: Client, case: Case, relationship: Relationship, on: dt.date) -> str:
    """Post the stopped-living-with page for `relationship`: the page it answers with."""
    return record(
        worker,
        case.child,
        "stopped-living-with",
        relationship=relationship.key,
        lives_with_child_to=on,
    )


# ---- adding a person ------------------------------------------------------------------------


def test_a_family_member_is_added_through_the_page(case: Case, worker: Client) -> None:
    relationship = mother_added(worker, case)
    person = relationship.person
    assert (person.given_name, person.family_name, person.born_on, person.sex) == (
        "Demelza",
        "Examplesmith",
        D(1988, 2, 11),
        Sex.FEMALE,
    )
    assert (person.address, person.postcode) == ("12 Sample Row, Testbury", "TB1 2AB")
    assert relationship.child == case.child
    assert relationship.has_parental_responsibility
    assert periods(relationship) == [(D(2010, 5, 17), None)]
    # the person, the relationship and the period of living together
    assert AuditEvent.objects.filter(action=AuditAction.CREATED).count() == 3


def test_someone_the_child_does_not_live_with_is_added_with_only_what_is_known(
    case: Case, worker: Client
) -> None:
    saved(
        record(
            worker,
            case.child,
            "family-member-add",
            relationship_type=RelationshipType.AUNT_UNCLE,
            given_name="Jory",
            family_name="Testwood",
            sex=Sex.UNKNOWN,
            address="",
            postcode="",
            has_parental_responsibility="no",
        ),
        "Person added",
    )
    relationship = Relationship.objects.select_related("person").get()
    assert periods(relationship) == []
    assert not relationship.has_parental_responsibility
    assert relationship.person.born_on is None
    assert relationship.person.address == ""


def test_the_add_page_opens_pre_filled_with_the_childs_family_name_and_address(
    case: Case, worker: Client
) -> None:
    response = worker.get(step_url(case.child, "family-member-add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Examplesmith"' in html
    assert 'value="12 Sample Row, Testbury"' in html
    assert 'value="TB1 2AB"' in html
    assert "family-member-add" in offered(case.child)


def test_a_missing_answer_is_shown_in_the_error_summary_and_nothing_written(
    case: Case, worker: Client
) -> None:
    answers = {**MOTHER, "given_name": "  "}
    del answers["relationship_type"]
    html = record(worker, case.child, "family-member-add", **answers)
    assert "There is a problem" in html
    assert '<a href="#id_given_name">Enter the person&#x27;s given name</a>' in html
    assert "Select how the person is related to the child" in html
    assert counts() == (0, 0, 0)


def test_living_with_the_child_before_their_birth_is_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    html = record(
        worker,
        case.child,
        "family-member-add",
        **{**MOTHER, "lives_with_child_from": D(2010, 5, 16)},
    )
    refused(html, rules.LIVES_WITH_BEFORE_BIRTH)
    assert counts() == (0, 0, 0)


# ---- the child stops living with someone ----------------------------------------------------


def test_the_child_stopping_living_with_someone_is_recorded_through_the_page(
    case: Case, worker: Client
) -> None:
    relationship = mother_added(worker, case)
    form = worker.get(step_url(case.child, "stopped-living-with"))
    assert form.status_code == 200
    html = form.content.decode()
    assert f'value="{relationship.key}" checked' in html
    assert "Demelza Examplesmith (Mother), living with the child since 17 May 2010" in html
    assert 'name="lives_with_child_to_day" type="text" inputmode="numeric" value="30"' in html
    saved(
        record(
            worker,
            case.child,
            "stopped-living-with",
            relationship=relationship.key,
            lives_with_child_to=D(2017, 6, 2),
        ),
        "Recorded that the child stopped living with them",
    )
    assert periods(relationship) == [(D(2010, 5, 17), D(2017, 6, 2))]
    assert AuditEvent.objects.filter(
        action=AuditAction.CHANGED, record_key=HouseholdPeriod.objects.get().key
    ).exists()
    assert "stopped-living-with" not in offered(case.child)


def test_an_end_before_the_child_started_living_with_them_is_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    relationship = mother_added(worker, case)
    before = written()
    html = stopped(worker, case, relationship, D(2009, 1, 1))
    refused(html, END_BEFORE_START)
    assert written() == before
    assert periods(relationship) == [(D(2010, 5, 17), None)]


def test_the_ending_needs_someone_chosen_and_a_date(case: Case, worker: Client) -> None:
    mother_added(worker, case)
    before = written()
    html = record(worker, case.child, "stopped-living-with")
    assert "Select who the child stopped living with" in html
    assert "Enter the date the child stopped living with them" in html
    assert written() == before


def test_the_ending_is_offered_only_when_the_child_lives_with_someone(
    case: Case, worker: Client
) -> None:
    assert "stopped-living-with" not in offered(case.child)
    record_page = worker.get(reverse("timescales:child", args=[case.child.child_id]))
    html = record_page.content.decode()
    assert "Add a family member or other person" in html
    assert "Record that the child stopped living with someone" not in html
    mother_added(worker, case)
    assert "stopped-living-with" in offered(case.child)


# ---- the child starts living with someone (again) -------------------------------------------


def test_a_child_going_home_to_a_parent_is_recorded_through_the_page(
    case: Case, worker: Client
) -> None:
    relationship = mother_added(worker, case)
    assert "started-living-with" not in offered(case.child)
    stopped(worker, case, relationship, D(2016, 3, 1))
    assert "started-living-with" in offered(case.child)
    html = worker.get(step_url(case.child, "started-living-with")).content.decode()
    assert f'value="{relationship.key}" checked' in html
    assert "Demelza Examplesmith (Mother)</label>" in html
    saved(
        record(
            worker,
            case.child,
            "started-living-with",
            relationship=relationship.key,
            started_on=D(2017, 2, 14),
        ),
        "Recorded that the child started living with them",
    )
    assert periods(relationship) == [(D(2010, 5, 17), D(2016, 3, 1)), (D(2017, 2, 14), None)]
    assert "started-living-with" not in offered(case.child)
    summary = worker.get(reverse("timescales:child", args=[case.child.child_id]))
    assert "Yes, since 14 Feb 2017" in summary.content.decode()


def test_going_home_before_the_last_period_ended_is_refused_and_nothing_written(
    case: Case, worker: Client
) -> None:
    relationship = mother_added(worker, case)
    stopped(worker, case, relationship, D(2016, 3, 1))
    before = written()
    html = record(
        worker,
        case.child,
        "started-living-with",
        relationship=relationship.key,
        started_on=D(2016, 2, 1),
    )
    refused(html, rules.LIVES_WITH_AGAIN_BEFORE_LAST_ENDED)
    assert written() == before


def test_a_social_worker_of_another_team_can_neither_open_nor_post(case: Case) -> None:
    other = social_worker_create("SW900", team_create("SAFE9"), "outsider.sw")
    client = Client()
    assert client.login(username=other.username, password=PASSWORD)
    assert client.get(step_url(case.child, "family-member-add")).status_code == 403
    posted = client.post(
        step_url(case.child, "family-member-add"),
        {"relationship_type": "mother", "given_name": "Demelza", "family_name": "Testwood"},
    )
    assert posted.status_code == 403
    assert counts() == (0, 0, 0)

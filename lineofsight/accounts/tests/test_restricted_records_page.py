"""The restricted records page: a head of service restricts a record naming who may still see
it, names another person, lifts it; refusals show in the error summary; others are refused."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from lineofsight.accounts.models import RestrictedRecord, RestrictedViewer
from lineofsight.core.models import AuditEvent
from lineofsight.timescales.tests.scenarios import TODAY, Scenario, team_scenario

pytestmark = pytest.mark.django_db

PAGE = reverse("accounts:restricted_records")


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def scenario(db: None) -> Scenario:
    return team_scenario()


def signed_in(scenario: Scenario, name: str) -> Client:
    client = Client()
    client.force_login(scenario.user(name))
    return client


def restrict(client: Client, scenario: Scenario, child_id: str, *names: str) -> str:
    response = client.post(
        PAGE,
        {
            "action": "restrict",
            "child_id": child_id,
            "reason": "staff_connection",
            "viewers": [str(scenario.user(name).pk) for name in names],
        },
        follow=True,
    )
    return response.content.decode()


def test_a_head_of_service_restricts_a_record_to_the_people_named(scenario: Scenario) -> None:
    hana = signed_in(scenario, "hana")

    html = restrict(hana, scenario, "C1", "sam")

    assert "C1 is restricted" in html
    assert re.findall(r'data-child="([^"]+)"', html) == ["C1"]
    restriction = RestrictedRecord.objects.get()
    assert [n.user for n in RestrictedViewer.objects.filter(restriction=restriction)] == [
        scenario.user("sam")
    ]
    # The head of service is not named: the record itself is now closed to her.
    assert hana.get(reverse("timescales:child", args=["C1"])).status_code == 403
    assert (
        signed_in(scenario, "sam").get(reverse("timescales:child", args=["C1"])).status_code == 200
    )


def test_another_person_is_named_then_the_restriction_lifted(scenario: Scenario) -> None:
    admin = signed_in(scenario, "admin")
    restrict(admin, scenario, "C1", "sam")
    key = RestrictedRecord.objects.get().key

    named = admin.post(
        PAGE, {"action": "name", "key": key, "viewer": str(scenario.user("tina").pk)}, follow=True
    )
    assert "Another person is named on C1" in named.content.decode()
    assert RestrictedViewer.objects.count() == 2

    lifted = admin.post(PAGE, {"action": "lift", "key": key}, follow=True).content.decode()
    assert "The restriction on C1 is lifted" in lifted
    assert "data-empty" in lifted
    assert RestrictedRecord.objects.get().lifted_on == TODAY


def test_missing_answers_and_an_unknown_child_are_shown_and_nothing_written(
    scenario: Scenario,
) -> None:
    html = signed_in(scenario, "hana").post(PAGE, {"action": "restrict", "child_id": "NOPE"})
    page = html.content.decode()

    assert "There is a problem" in page
    assert "No child has that ID" in page
    assert "Select why the record is restricted" in page
    assert "Select the people who may still see the record" in page
    assert not RestrictedRecord.objects.exists()


def test_a_second_restriction_is_refused_with_the_reason(scenario: Scenario) -> None:
    hana = signed_in(scenario, "hana")
    restrict(hana, scenario, "C1", "sam")

    html = restrict(hana, scenario, "C1", "tina")

    assert "There is a problem" in html
    assert RestrictedRecord.objects.count() == 1
    assert RestrictedViewer.objects.count() == 1


@pytest.mark.parametrize("name", ["sam", "tina", "analyst", "councillor"])
def test_other_roles_cannot_open_the_page(scenario: Scenario, name: str) -> None:
    client = signed_in(scenario, name)

    assert client.get(PAGE).status_code == 403
    posted = client.post(
        PAGE, {"action": "restrict", "child_id": "C1", "reason": "other", "viewers": []}
    )
    assert posted.status_code == 403
    assert not RestrictedRecord.objects.exists()


def test_opening_the_list_is_audited_with_the_children_it_names(scenario: Scenario) -> None:
    hana = signed_in(scenario, "hana")
    restrict(hana, scenario, "C1", "sam")

    hana.get(PAGE)

    event = AuditEvent.objects.filter(record_type="restricted records").latest("pk")
    assert event.detail == {"child_ids": ["C1"]}

"""The child's record: who the child is, who holds the case, and the timeline of deadlines."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.timescales.tests.scenarios import Scenario

pytestmark = pytest.mark.django_db


def child_url(child_id: str) -> str:
    return reverse("timescales:child", args=[child_id])


def test_the_record_shows_the_child_the_case_and_who_holds_it(
    client_for: Callable[[str], Client],
) -> None:
    html = client_for("tina").get(child_url("C5")).content.decode()

    assert '<h1 class="govuk-heading-l">Eve East</h1>' in html
    assert "17 May 2010" in html  # date of birth
    assert re.search(r"data-case-type>Child protection", html)
    assert re.search(
        r"data-holding>\s*<strong class=\"govuk-tag govuk-tag--yellow\">Held by a manager", html
    )
    assert "Waiting 12 days" in html
    assert "Held by a team manager: Tina Turner, Safeguarding Team A" in html


def test_the_timeline_lists_every_deadline_newest_due_first(
    client_for: Callable[[str], Client],
) -> None:
    html = client_for("sam").get(child_url("C1")).content.decode()

    timeline = re.findall(r'data-rule="([^"]+)" data-status="([^"]+)"', html)
    assert timeline == [
        ("T-07", "not_yet_due"),  # 30 Jun
        ("T-06", "due_soon"),  # 3 Apr
        ("T-07", "overdue"),  # 20 Mar
        ("T-07", "met_on_time"),  # 20 Feb
        ("T-06", "met_late"),  # 20 Jan
    ]
    assert '<strong class="govuk-tag govuk-tag--green">Met on time</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--orange">Met late</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--grey">Not yet due</strong>' in html


def test_opening_the_record_is_audited(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    client_for("sam").get(child_url("C1"))

    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.child_id) == (AuditAction.VIEWED, "child", "C1")
    assert event.actor == scenario.user("sam")


@pytest.mark.parametrize(
    ("name", "child_id"),
    [
        ("sam", "C3"),  # another worker's child
        ("sam", "C8"),  # allocation ended
        ("tina", "C3"),  # another team's child
        ("pat", "C1"),
        ("ivy", "C1"),
        ("analyst", "C1"),
        ("councillor", "C1"),
        ("admin", "C1"),
    ],
)
def test_a_record_one_may_not_see_is_refused_and_not_audited(
    client_for: Callable[[str], Client], name: str, child_id: str
) -> None:
    response = client_for(name).get(child_url(child_id))

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.VIEWED).exists()


def test_an_unknown_child_is_not_found(client_for: Callable[[str], Client]) -> None:
    assert client_for("hana").get(child_url("C404")).status_code == 404


def test_signing_in_is_required(client: Client, scenario: Scenario) -> None:
    response = client.get(child_url("C1"))

    assert response.status_code == 302
    assert not AuditEvent.objects.exists()


def test_a_child_without_names_is_shown_by_id(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    """Records loaded from a statutory return carry no names."""
    child = scenario.child("C1")
    child.given_name = child.family_name = ""
    child.save(update_fields=["given_name", "family_name"])
    html = client_for("sam").get(reverse("timescales:child", args=["C1"])).content.decode()
    assert '<h1 class="govuk-heading-l">Child C1</h1>' in html
    assert "Child C1" in client_for("sam").get(reverse("timescales:my_work")).content.decode()

"""My work: the viewer's own open deadlines, overdue first then soonest, linking to the child."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.timescales.models import CaseloadEntry, Deadline
from lineofsight.timescales.selectors import my_work_list
from lineofsight.timescales.tests.scenarios import Scenario

pytestmark = pytest.mark.django_db

MY_WORK = reverse("timescales:my_work")


def rows(html: str) -> list[str]:
    """The child IDs of the page's rows, in order."""
    return re.findall(r'<tr class="govuk-table__row" data-child="([^"]+)"', html)


def test_signing_in_is_required(client: Client, scenario: Scenario) -> None:
    response = client.get(MY_WORK)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_overdue_first_most_overdue_first_then_soonest(scenario: Scenario) -> None:
    work = my_work_list(viewer=scenario.user("sam"))

    assert [(d.child_id, d.due_on.isoformat(), d.status) for d in work.deadlines] == [
        ("C2", "2017-03-01", "overdue"),
        ("C1", "2017-03-20", "overdue"),
        ("C9", "2017-04-02", "due_soon"),
        ("C1", "2017-04-03", "due_soon"),
        ("C2", "2017-04-20", "not_yet_due"),
    ]


def test_the_page_lists_the_same_order_with_links_and_tags(
    client_for: Callable[[str], Client],
) -> None:
    html = client_for("sam").get(MY_WORK).content.decode()

    assert rows(html) == ["C2", "C1", "C9", "C1", "C2"]
    assert f'href="{reverse("timescales:child", args=["C2"])}">Ben Bold</a>' in html
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--yellow">Due soon</strong>' in html
    assert "5 obligations, 2 overdue" in html


def test_only_the_next_four_weeks_unless_every_open_one_is_asked_for(
    client_for: Callable[[str], Client],
) -> None:
    client = client_for("sam")

    assert "C1" not in rows(client.get(MY_WORK).content.decode())[-1:]
    assert rows(client.get(MY_WORK, {"all": "1"}).content.decode())[-1] == "C1"  # due 30 June


def test_met_deadlines_and_other_workers_deadlines_are_not_listed(scenario: Scenario) -> None:
    work = my_work_list(viewer=scenario.user("sam"), soon_days=None)

    assert {d.child_id for d in work.deadlines} == {"C1", "C2", "C9"}  # not C3 (Sol's), not C10


def test_a_team_manager_sees_the_cases_they_hold(client_for: Callable[[str], Client]) -> None:
    assert rows(client_for("tina").get(MY_WORK).content.decode()) == ["C5"]


@pytest.mark.parametrize("name", ["analyst", "admin", "councillor", "hana", "bea"])
def test_roles_that_hold_no_cases_are_refused(
    client_for: Callable[[str], Client], name: str
) -> None:
    assert client_for(name).get(MY_WORK).status_code == 403


def test_an_account_without_a_worker_record_is_told_so(
    client_for: Callable[[str], Client],
) -> None:
    html = client_for("nobody").get(MY_WORK).content.decode()

    assert "Your account is not linked to a worker record" in html
    assert rows(html) == []


def test_before_any_refresh_the_page_says_how_to_compute_deadlines(
    client_for: Callable[[str], Client],
) -> None:
    client = client_for("sam")
    Deadline.objects.all().delete()
    CaseloadEntry.objects.all().delete()

    html = client.get(MY_WORK).content.decode()

    assert "No deadlines have been computed yet" in html
    assert "<code>lineofsight deadlines-refresh</code>" in html


def test_the_download_links_carry_the_pages_choice(client_for: Callable[[str], Client]) -> None:
    client = client_for("sam")

    assert 'href="?list=deadlines&amp;format=csv"' in client.get(MY_WORK).content.decode()
    html = client.get(MY_WORK, {"all": "1"}).content.decode()
    assert 'href="?all=1&amp;list=deadlines&amp;format=xlsx"' in html


def test_an_iro_sees_the_reviews_of_the_children_they_chair(scenario: Scenario) -> None:
    """Ivy is C3's IRO: its looked-after review is on her list although Sol holds it; its
    other deadlines (an overdue CIN visit, a looked-after visit) are not."""
    from lineofsight.timescales.tests.scenarios import D, deadline_create

    sol = scenario.user("sol").worker
    review = deadline_create(
        scenario.child("C3"),
        rule="T-41",
        due_on=D(2017, 4, 10),
        status="due_soon",
        worker=sol,
        team=scenario.team_b,
    )
    deadline_create(
        scenario.child("C3"),
        rule="T-30",
        due_on=D(2017, 4, 6),
        status="due_soon",
        worker=sol,
        team=scenario.team_b,
    )
    work = my_work_list(viewer=scenario.user("ivy"))

    assert [(d.child_id, d.rule) for d in work.deadlines] == [("C3", review.rule)]
    # Sol, who holds the case, still has the review too.
    assert ("C3", "T-41") in {
        (d.child_id, d.rule) for d in my_work_list(viewer=scenario.user("sol")).deadlines
    }

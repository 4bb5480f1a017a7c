"""Team: every open deadline worker by worker, caseloads by kind of case, children waiting."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lineofsight.timescales.models import Deadline
from lineofsight.timescales.selectors import team_overview
from lineofsight.timescales.tests.scenarios import (
    D,
    Scenario,
    case_create,
    child_create,
    deadline_create,
)

pytestmark = pytest.mark.django_db

TEAM_A = reverse("timescales:team", args=["SFSA"])
TEAM_B = reverse("timescales:team", args=["SFSB"])


def table(html: str, name: str) -> str:
    """The HTML of the page's tables marked `data-list=name`, joined."""
    return "".join(
        re.findall(rf'<table class="govuk-table" data-list="{name}".*?</table>', html, re.S)
    )


def test_children_waiting_for_a_worker_longest_first_with_days_waiting(
    client_for: Callable[[str], Client],
) -> None:
    waiting = table(client_for("tina").get(TEAM_A).content.decode(), "waiting")

    rows = re.findall(
        r'data-child="([^"]+)".*?govuk-tag--(\w+)">([^<]+)<.*?data-days-waiting>(\d+)<',
        waiting,
        re.S,
    )
    assert rows == [
        ("C4", "red", "Unallocated", "40"),
        ("C5", "yellow", "Held by a manager", "12"),
        ("C6", "orange", "On duty", "3"),
    ]
    assert "Dan Dale" in waiting
    assert "Tina Turner" in waiting  # who holds C5


def test_caseloads_per_worker_split_by_kind_of_case(scenario: Scenario) -> None:
    case_create(
        child_create("C11", "Kim", "Kay"),
        "cla",
        "allocated",
        scenario.team_a,
        scenario.user("sam").worker,
    )
    lists = team_overview(viewer=scenario.user("tina"), team_code="SFSA").lists

    loads = {load.worker.staff_id: load for load in lists.caseloads}
    sam = loads["SW1"]
    assert (sam.cin, sam.cp, sam.cla, sam.care_leaver, sam.total, sam.overdue) == (1, 1, 1, 0, 3, 2)
    assert loads["TM1"].total == 0  # holds C5, but held is not allocated
    assert set(loads) == {"SW1", "TM1", "BS1"}  # current members; not Fred, who left


def test_deadlines_are_grouped_by_worker_most_overdue_first(scenario: Scenario) -> None:
    lists = team_overview(viewer=scenario.user("tina"), team_code="SFSA").lists

    groups = [
        (group.worker.staff_id if group.worker else None, [d.child_id for d in group.deadlines])
        for group in lists.by_worker
    ]
    assert groups == [
        ("SW1", ["C2", "C1", "C1", "C2", "C1"]),  # two overdue
        (None, ["C4"]),  # one overdue, no named worker
        ("TM1", ["C5"]),
    ]
    assert lists.overdue == 3
    assert lists.open_cases == 5


def test_every_child_of_the_team_by_worker_overdue_first(scenario: Scenario) -> None:
    lists = team_overview(viewer=scenario.user("tina"), team_code="SFSA").lists

    groups = [
        (
            group.worker.staff_id if group.worker else None,
            [(child.child_id, child.overdue) for child in group.children],
        )
        for group in lists.children_by_worker
    ]
    # Sam's two children: Ben first (his overdue deadline is the older one); then the
    # children nobody is allocated, the unallocated one with an overdue deadline first.
    assert groups == [
        ("SW1", [("C2", 1), ("C1", 1)]),
        (None, [("C4", 1), ("C5", 0), ("C6", 0)]),
    ]
    amy = lists.children_by_worker[0].children[1]
    assert amy.open_deadlines == 3
    assert amy.most_overdue is not None
    assert amy.most_overdue.due_on == D(2017, 3, 20)
    assert amy.next_due is not None
    assert amy.next_due.due_on == D(2017, 4, 3)  # the soonest of the ones not overdue


def test_the_page_shows_each_workers_children_and_the_summary(
    client_for: Callable[[str], Client],
) -> None:
    html = client_for("tina").get(TEAM_A).content.decode()

    assert '<h1 class="govuk-heading-l">Safeguarding Team A</h1>' in html
    assert re.search(r"Sam Smith:\s+2 children, 2 overdue deadlines", html)
    assert re.search(r"No allocated worker \([^)]*\):\s+3 children, 1 overdue deadline\b", html)
    children = table(html, "children")
    assert re.findall(r'data-child="([^"]+)"', children) == ["C2", "C1", "C4", "C5", "C6"]
    assert re.search(r"Open cases</dt>\s*<dd[^>]*>5<", html)
    assert 'class="govuk-back-link">Teams</a>' in html


def test_business_support_and_a_member_social_worker_may_open_their_team(
    client_for: Callable[[str], Client],
) -> None:
    assert client_for("bea").get(TEAM_A).status_code == 200
    assert client_for("sam").get(TEAM_A).status_code == 200


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("tina", TEAM_B),  # another team
        ("tom", TEAM_A),  # a team he has left
        ("sol", TEAM_A),  # a social worker of another team
        ("ivy", TEAM_A),
        ("analyst", TEAM_A),
        ("councillor", TEAM_A),
        ("admin", TEAM_A),
    ],
)
def test_a_team_one_does_not_belong_to_is_refused(
    client_for: Callable[[str], Client], name: str, url: str
) -> None:
    response = client_for(name).get(url)

    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_a_download_of_another_teams_list_is_refused(client_for: Callable[[str], Client]) -> None:
    assert client_for("tina").get(TEAM_B, {"list": "waiting", "format": "csv"}).status_code == 403


def test_an_unknown_team_is_not_found(client_for: Callable[[str], Client]) -> None:
    assert client_for("hana").get(reverse("timescales:team", args=["NOPE"])).status_code == 404


def test_head_of_service_opens_any_team(client_for: Callable[[str], Client]) -> None:
    assert client_for("hana").get(TEAM_B).status_code == 200


def test_the_teams_list_shows_only_the_viewers_teams(client_for: Callable[[str], Client]) -> None:
    html = client_for("tina").get(reverse("timescales:teams")).content.decode()

    assert re.findall(r'data-team="([^"]+)"', html) == ["SFSA"]
    assert f'href="{TEAM_A}"' in html


def test_the_queries_do_not_grow_with_the_team(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    client = client_for("tina")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(TEAM_A, {"list": "deadlines", "format": "csv"}).status_code == 200
        return len(captured)

    queries()  # the first request after signing in also re-dates the session
    before = queries()
    for number in range(20):
        child = child_create(f"X{number}", "Extra", f"Child{number}")
        case_create(child, "cin", "allocated", scenario.team_a, scenario.user("sam").worker)
        deadline_create(
            child,
            rule="T-07",
            due_on=D(2017, 4, 5),
            status="due_soon",
            worker=scenario.user("sam").worker,
            team=scenario.team_a,
        )

    assert queries() == before
    assert Deadline.objects.filter(team=scenario.team_a, status="due_soon").count() == 21


def test_a_rendered_page_is_reused_until_the_deadlines_are_recomputed(
    scenario: Scenario, client_for: Callable[[str], Client]
) -> None:
    client = client_for("tina")
    client.get(TEAM_A)

    with CaptureQueriesContext(connection) as captured:
        html = client.get(TEAM_A).content.decode()

    assert "Dan Dale" in html
    assert not any("timescales_caseloadentry" in query["sql"] for query in captured)

    # A refresh replaces every row, so the version changes and the page is read again.
    Deadline.objects.all().delete()
    deadline_create(
        scenario.child("C1"),
        rule="T-07",
        due_on=D(2017, 4, 5),
        status="due_soon",
        worker=scenario.user("sam").worker,
        team=scenario.team_a,
    )
    html = client.get(TEAM_A).content.decode()
    # Sam's children have nothing overdue any more.
    assert re.search(r"Sam Smith:\s+2 children\s*</caption>", html)

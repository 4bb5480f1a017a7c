"""Service: the teams side by side, for a head of service."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.timescales.selectors import service_overview
from lineofsight.timescales.tests.scenarios import D, Scenario

pytestmark = pytest.mark.django_db

SERVICE = reverse("timescales:service")


def test_open_cases_waiting_and_overdue_per_team(scenario: Scenario) -> None:
    overview = service_overview(viewer=scenario.user("hana"))

    teams = {figures.team.code: figures for figures in overview.teams if figures.team}
    a = teams["SFSA"]
    assert (a.cin, a.cp, a.cla, a.care_leaver, a.open_cases) == (3, 2, 0, 0, 5)
    assert (a.unallocated, a.held_by_manager, a.duty, a.overdue) == (1, 1, 1, 3)
    assert (teams["SFSB"].cla, teams["SFSB"].overdue) == (1, 1)
    assert teams["LCA"].care_leaver == 1
    assert overview.total.open_cases == 7
    assert overview.total.overdue == 4


def test_met_on_time_covers_deadlines_due_in_the_last_three_months(scenario: Scenario) -> None:
    """Team A: due 20 Jan (met late), 20 Feb (met on time), 1, 10 and 20 Mar (overdue): 1 of 5.
    Team B: due 1 Feb (met on time), 25 Mar (overdue): 1 of 2. Later ones are not yet due."""
    overview = service_overview(viewer=scenario.user("hana"))

    teams = {figures.team.code: figures for figures in overview.teams if figures.team}
    assert overview.recent_from == D(2016, 12, 31)
    assert (teams["SFSA"].due_recently, teams["SFSA"].met_on_time_percent) == (5, 20)
    assert (teams["SFSB"].due_recently, teams["SFSB"].met_on_time_percent) == (2, 50)
    assert teams["LCA"].met_on_time_percent is None


def test_the_page_shows_the_teams_side_by_side_with_a_total(
    client_for: Callable[[str], Client],
) -> None:
    html = client_for("hana").get(SERVICE).content.decode()

    assert re.findall(r'<tr class="govuk-table__row" data-team="([^"]+)"', html) == [
        "LCA",
        "SFSA",
        "SFSB",
        "total",
    ]
    assert re.search(r'data-team="SFSA".*?data-figure="met-on-time">20%', html, re.S)
    assert f'href="{reverse("timescales:team", args=["SFSA"])}"' in html


@pytest.mark.parametrize("name", ["tina", "sam", "bea", "analyst", "councillor", "admin"])
def test_only_a_head_of_service_sees_the_service(
    client_for: Callable[[str], Client], name: str
) -> None:
    assert client_for(name).get(SERVICE).status_code == 403

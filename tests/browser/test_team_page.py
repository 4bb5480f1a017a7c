"""In Debian's chromium: a team manager signs in, opens their team from the navigation and sees
an unallocated child with how long it has waited, then the child's record."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from lineofsight.timescales.tests.scenarios import PASSWORD, TODAY, team_scenario
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser


def test_team_manager_sees_an_unallocated_child_and_its_days_waiting(
    live_server: LiveServer,
    transactional_db: None,
    settings: Settings,
    page: Page,
    console_problems: list[str],
) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()
    cache.clear()
    team_scenario()
    problems = console_problems

    sign_in(page, live_server.url, "tina", PASSWORD)
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="My work")).to_be_visible()
    expect(menu.get_by_role("link", name="Service")).to_have_count(0)
    menu.get_by_role("link", name="Team").click()
    page.get_by_role("link", name="Safeguarding Team A").click()

    expect(page).to_have_url(f"{live_server.url}/teams/SFSA/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding Team A")
    waiting = page.locator('table[data-list="waiting"]')
    expect(waiting.locator("caption")).to_contain_text("longest waiting first")
    dan = waiting.locator('tr[data-child="C4"]')
    expect(dan).to_contain_text("Dan Dale")
    expect(dan.locator(".govuk-tag--red")).to_have_text("Unallocated")
    expect(dan.locator("[data-days-waiting]")).to_have_text("40")
    expect(waiting.locator("tbody tr").first).to_have_attribute("data-child", "C4")

    dan.get_by_role("link", name="Dan Dale").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Dan Dale")
    expect(page.locator("[data-holding]")).to_contain_text("Waiting 40 days")
    expect(page.locator('table[data-list="timeline"] tbody tr')).to_have_count(1)
    assert problems == []  # no script errors, no Content-Security-Policy refusals

"""In Debian's chromium: a team manager signs in, opens their team from the navigation and sees
an unallocated child with how long it has waited, then the child's record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from playwright.sync_api import ConsoleMessage, Page, expect, sync_playwright
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from lineofsight.timescales.tests.scenarios import PASSWORD, TODAY, team_scenario

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Page]:
    # Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
    # from a thread with a running loop unless told the caller knows what it is doing.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_team_manager_sees_an_unallocated_child_and_its_days_waiting(
    live_server: LiveServer, transactional_db: None, settings: Settings, page: Page
) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()
    cache.clear()
    team_scenario()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if _is_problem(message) else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(f"{live_server.url}/accounts/sign-in/")
    page.get_by_label("Username").fill("tina")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
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


def _is_problem(message: ConsoleMessage) -> bool:
    return message.type in {"error", "warning"}

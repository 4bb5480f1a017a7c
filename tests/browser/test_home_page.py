"""In Debian's chromium: the home page's headline cards, then signing in to the account page."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from lineofsight.accounts.models import Role, User
from lineofsight.journey.tests.scenarios import council_create, headline_scenario

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password"
HEADLINES = ("children-in-need", "child-protection-plans", "looked-after", "care-leavers")


def test_home_page_then_sign_in_to_the_account_page(
    live_server: LiveServer, transactional_db: None, page: Page, console_problems: list[str]
) -> None:
    council_create()
    headline_scenario()
    User.objects.create_user(
        username="sam.worker",
        password=PASSWORD,
        first_name="Sam",
        last_name="Worker",
        role=Role.SOCIAL_WORKER,
    )
    problems = console_problems

    page.goto(f"{live_server.url}/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("at 31 March 2017")
    expect(page.locator("[data-headline]")).to_have_count(len(HEADLINES))
    for slug in HEADLINES:
        expect(page.locator(f'[data-headline="{slug}"]')).to_be_visible()
    expect(page.get_by_role("heading", name="Children in need")).to_be_visible()
    expect(page.locator('[data-headline="children-in-need"] .los-figure')).to_have_text("3")
    expect(page.locator("body")).to_have_class(
        "govuk-template__body js-enabled govuk-frontend-supported"
    )

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign in").click()

    expect(page).to_have_url(f"{live_server.url}/accounts/sign-in/")
    expect(page.get_by_role("button", name="Show password")).to_be_visible()  # GOV.UK JS ran
    page.get_by_label("Username").fill("sam.worker")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/accounts/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_text("Sam Worker")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out").first).to_be_visible()
    assert problems == []  # no script errors, no Content-Security-Policy refusals

"""In Debian's chromium, with the keyboard alone: a visit is recorded; the error summary takes
the focus, its link moves the focus to the question, and every answer and the button are
reached with Tab."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from lineofsight.journey.models import Visit
from lineofsight.journey.tests.builders import PASSWORD, TODAY, case_create
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

ACTIVE = (
    "() => { const e = document.activeElement; return [e.tagName, e.name || '', e.className]; }"
)


def tab_to(page: Page, name: str, *, limit: int = 40) -> None:
    """Press Tab until the focus is on a control called `name` (a button: its text)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        tag, field, _ = page.evaluate(ACTIVE)
        text = page.evaluate("() => document.activeElement.textContent.trim()")
        if field == name or (tag == "BUTTON" and text == name):
            return
    raise AssertionError(f"Tab never reached {name}")


def test_a_visit_recorded_with_the_keyboard_alone(
    live_server: LiveServer,
    transactional_db: None,
    settings: Settings,
    page: Page,
    console_problems: list[str],
) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()
    cache.clear()
    case = case_create()
    sign_in(page, live_server.url, case.user.username, PASSWORD, by_keyboard=True)
    expect(page.get_by_role("navigation", name="Menu")).to_be_visible()
    page.goto(f"{live_server.url}/children/{case.child.child_id}/record/visit/")

    # Submitted with nothing chosen: the error summary takes the focus.
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the kind of visit")
    expect(summary).to_be_focused()

    # Its first link moves the focus to the question it names.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE)[1] == "kind"
    page.keyboard.press("Space")  # the first kind: a child in need visit
    tab_to(page, "child_seen_alone")
    page.keyboard.press("Space")  # the first answer: yes
    tab_to(page, "Save")
    page.keyboard.press("Enter")

    expect(page.locator("[data-saved]")).to_contain_text("Visit recorded")
    visit = Visit.objects.get()
    assert (visit.kind, visit.visited_on, visit.child_seen_alone) == ("cin", TODAY, True)
    assert console_problems == []

"""In Debian's chromium, axe-core checks the pages against WCAG 2.2 A and AA: every recording
page, blank and after a save that failed (the error summary and messages showing), the child's
record, chronology and who-viewed page, the work lists, scorecards, validation, returns and the
people pages. One synthetic council (as `make demo` builds it, smaller) serves them all."""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from lineofsight.accounts.models import Role, User
from lineofsight.accounts.services import DEMO_PASSWORD, DEMO_USERNAMES
from lineofsight.journey.models import ChildProtectionPlan, CLAEpisode, Referral
from lineofsight.journey.steps import STEPS
from lineofsight.people.models import Child, Team
from lineofsight.reports.domain.packs import packs_load
from lineofsight.reports.selectors import scorecard_cache_clear
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

# axe-core's tags for the success criteria of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}

# Empties every answer a form pre-fills, so saving it shows the errors for what is required.
BLANK_THE_FORM = """() => {
  const form = document.querySelector('main form[method="post"]');
  for (const field of form.querySelectorAll('input, textarea, select')) {
    if (field.type === 'hidden') continue;
    if (field.type === 'radio' || field.type === 'checkbox') field.checked = false;
    else if (field.tagName === 'SELECT') field.selectedIndex = 0;
    else field.value = '';
  }
}"""


def _violations(axe: Axe, page: Page) -> list[str]:
    found = axe.run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in found
    ]


def _children_for_the_steps() -> dict[str, Child]:
    """For each recording step a child it is offered for now, where the council has one
    (its choices then list real records); otherwise a child with a varied history."""
    candidates = [
        child
        for child in (
            Child.objects.filter(cla_episodes__ended_on__isnull=True).first(),
            Child.objects.filter(
                pk__in=ChildProtectionPlan.objects.filter(ended_on__isnull=True).values(
                    "referral__child"
                )
            ).first(),
            Child.objects.filter(
                pk__in=Referral.objects.filter(closed_on__isnull=True).values("child")
            ).first(),
            Child.objects.filter(pk__in=CLAEpisode.objects.values("child"))
            .exclude(cla_episodes__ended_on__isnull=True)
            .first(),
        )
        if child is not None
    ]
    assert candidates, "the synthetic council has no children"
    return {
        slug: next((child for child in candidates if step.offered(child)), candidates[0])
        for slug, step in STEPS.items()
    }


def test_every_page_meets_wcag_2_2_aa(
    live_server: LiveServer, transactional_db: None, page: Page, console_problems: list[str]
) -> None:
    call_command("synth", la="Rutland", year=2017, seed=1, no_progress=True, stdout=io.StringIO())
    call_command("demo_users", stdout=io.StringIO())
    scorecard_cache_clear()
    base = live_server.url
    axe = Axe()
    head = User.objects.get(username=DEMO_USERNAMES[Role.HEAD_OF_SERVICE])
    children = _children_for_the_steps()
    record = children["visit"]
    board = "monthly-performance-board"
    indicator = packs_load()[board].lines[0].indicator.code
    team = Team.objects.order_by("code").first()
    assert team is not None
    problems: dict[str, list[str]] = {}

    def check(path: str) -> None:
        found = _violations(axe, page)
        if found:
            problems[path] = found

    def visit(path: str, *, status: int = 200) -> None:
        response = page.goto(base + path)
        assert response is not None
        assert response.status == status, f"{path} answered {response.status}"
        check(path)

    # The check itself finds what it should: an image with no text, a box with no label.
    page.goto(base + "/")
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="/static/frontend/favicon.svg"><input type="text">\')'
    )
    assert {found.split(" ")[0] for found in _violations(axe, page)} >= {"image-alt", "label"}

    sign_in(page, base, head.username, DEMO_PASSWORD)
    pages = [
        "/",
        "/about/",
        "/accounts/",
        "/teams/",
        f"/teams/{team.code}/",
        "/service/",
        f"/children/{record.child_id}/",
        f"/children/{record.child_id}/chronology/",
        f"/children/{record.child_id}/who-viewed/",
        "/scorecards/",
        f"/scorecards/{board}/",
        f"/scorecards/{board}/{indicator}/",
        "/validation/",
        "/returns/",
        "/accounts/restricted-records/",
        "/people/teams/",
        f"/people/teams/{team.code}/",
        "/people/teams/new/",
        "/people/workers/new/",
    ]
    for path in pages:
        visit(path)

    for slug, child in children.items():
        path = f"/children/{child.child_id}/record/{slug}/"
        visit(path)
        page.evaluate(BLANK_THE_FORM)
        page.locator("main form[method='post'] button[type='submit']").click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        check(path + " (not saved)")

    assert console_problems == []

    # The analyst's import page and pseudonymised children behind a number.
    page.context.clear_cookies()
    sign_in(page, base, DEMO_USERNAMES[Role.PERFORMANCE_ANALYST], DEMO_PASSWORD)
    visit("/returns/import/")
    visit(f"/scorecards/{board}/{indicator}/")

    # A social worker's own list, a page refused to them, and the sign-in page signed out.
    page.context.clear_cookies()
    sign_in(page, base, DEMO_USERNAMES[Role.SOCIAL_WORKER], DEMO_PASSWORD)
    visit("/my-work/")
    assert console_problems == []
    visit("/service/", status=403)
    # The browser logs the refusal itself; nothing else may be logged.
    assert [problem for problem in console_problems if "403" not in problem] == []
    page.context.clear_cookies()
    visit("/accounts/sign-in/")

    assert problems == {}

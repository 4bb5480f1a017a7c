"""In Debian's chromium: a social worker and their team manager record a whole child protection
journey through the recording pages (contact, referral, assessment, strategy discussion,
section 47, initial conference and plan, visit, review conference ending the plan), then the
chronology, the child's statuses and who viewed or changed the record are checked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from lineofsight.accounts.models import Role
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.models import ChildProtectionPlan
from lineofsight.journey.tests.builders import (
    PASSWORD,
    TODAY,
    D,
    case_create,
    social_worker_create,
)
from tests.browser import signing_in

pytestmark = pytest.mark.browser


def sign_in(page: Page, base: str, username: str) -> None:
    signing_in.sign_in(page, base, username, PASSWORD)


def sign_out(page: Page) -> None:
    page.context.clear_cookies()


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def start(page: Page, step: str) -> None:
    """From the child's record, open a recording page by its link."""
    page.get_by_role("link", name=step, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(step)


def save(page: Page, banner: str) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator("[data-saved]")).to_contain_text(banner)


def test_a_protection_journey_recorded_in_the_browser(
    live_server: LiveServer,
    transactional_db: None,
    settings: Settings,
    page: Page,
    console_problems: list[str],
) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()
    cache.clear()
    case = case_create()
    manager = social_worker_create("TM001", case.team, "tanvi.tm")
    manager.role = Role.TEAM_MANAGER
    manager.save(update_fields=["role"])
    record_url = f"{live_server.url}/children/{case.child.child_id}/"

    # --- The social worker: contact to the initial conference ---------------------------
    sign_in(page, live_server.url, "morwenna.sw")
    page.goto(record_url)
    expect(page.locator('[data-status="none"]')).to_be_visible()

    start(page, "Record a contact")
    fill_date(page, "Date the contact was received", D(2017, 4, 3))
    page.get_by_label("Time received").fill("09:15")
    page.get_by_label("Who made the contact").select_option(label="Education services")
    page.get_by_label("What the concerns are (optional)").fill("Bruising seen at school")
    save(page, "Contact recorded")

    start(page, "Record the decision on a contact")
    fill_date(page, "Date of the decision", D(2017, 4, 3))
    page.get_by_label("Time of the decision").fill("15:40")
    choose(page, "What was decided", "Referral to children's social care")
    save(page, "Decision on the contact recorded")

    start(page, "Record a referral")
    # Pre-filled from the contact: its date and who made it; the allocated worker.
    expect(
        page.get_by_role("group", name="Date of the referral").get_by_label("Day")
    ).to_have_value("3")
    expect(page.get_by_label("Who made the referral")).to_have_value("2B")
    expect(page.get_by_label("Social worker (optional)")).to_have_value("SW001")
    page.get_by_label("Primary need, if known (optional)").select_option(label="Abuse or neglect")
    save(page, "Referral recorded")

    start(page, "Start an assessment")
    fill_date(page, "Date the assessment started", D(2017, 4, 4))
    save(page, "Assessment started")

    start(page, "Record a strategy discussion")
    fill_date(page, "Date the strategy discussion was held", D(2017, 4, 5))
    choose(page, "What was decided", "Section 47 enquiry")
    save(page, "Strategy discussion recorded")

    start(page, "Start a section 47 enquiry")
    save(page, "Section 47 enquiry started")  # its date pre-filled from the discussion

    start(page, "Complete a section 47 enquiry")
    fill_date(page, "Date the enquiry was completed", D(2017, 4, 20))
    choose(page, "What the enquiry found", "Concerns substantiated: initial conference")
    save(page, "Section 47 enquiry completed")

    # A conference deciding on a plan with no category is refused, and says why.
    start(page, "Record a child protection conference")
    fill_date(page, "Date the conference was held", D(2017, 4, 27))
    choose(page, "What the conference decided", "Child protection plan")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the category of abuse the plan is under")
    summary.get_by_role("link").first.click()  # the summary's link moves focus to the answer
    choose(page, "Category of abuse, if a plan starts (optional)", "Physical abuse")
    save(page, "Conference recorded")
    expect(page.locator('[data-status="Child protection plan"]')).to_be_visible()

    start(page, "Record a visit")
    fill_date(page, "Date of the visit", D(2017, 5, 4))
    choose(page, "Was the child seen alone?", "Yes")
    save(page, "Visit recorded")
    sign_out(page)

    # --- The team manager: authorises the assessment, records the review ending the plan --
    sign_in(page, live_server.url, "tanvi.tm")
    page.goto(record_url)
    start(page, "Complete an assessment")
    fill_date(page, "Date the assessment was authorised", D(2017, 4, 28))
    choose(page, "What the assessment concluded", "Strategy discussion / section 47")
    save(page, "Assessment completed")

    start(page, "Record a child protection conference")
    expect(page.get_by_label("Review child protection conference")).to_be_checked()
    fill_date(page, "Date the conference was held", D(2017, 7, 20))
    choose(page, "What the conference decided", "Plan ends")
    choose(page, "Why the plan ends, if it ends (optional)", "No further action needed")
    save(page, "Conference recorded")
    expect(page.locator('[data-status="Child protection plan"]')).to_have_count(0)
    expect(page.locator('[data-status="Child in need"]')).to_be_visible()

    # --- The chronology: built from every record, filterable ----------------------------
    page.get_by_role("link", name="See the chronology").click()
    rows = page.locator('table[data-list="chronology"] tbody tr')
    expect(rows.first).to_contain_text("20 Jul 2017")
    expect(page.locator('tr[data-kind="child_protection"]').first).to_be_visible()
    page.get_by_label("Visits").check()
    page.get_by_role("button", name="Apply").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("4 May 2017")

    # --- Who viewed or changed the record: both people, their changes -------------------
    page.get_by_role("link", name="Back to the child\u2019s record").click()
    page.get_by_role("link", name="Who has viewed or changed this record").click()
    log = page.locator('table[data-list="access-log"]')
    expect(
        log.locator('tr[data-username="morwenna.sw"][data-action="Created"]').first
    ).to_be_visible()
    expect(log.locator('tr[data-username="tanvi.tm"][data-action="Changed"]').first).to_be_visible()

    plan = ChildProtectionPlan.objects.get()
    assert (plan.started_on, plan.ended_on, plan.initial_category) == (
        D(2017, 4, 27),
        D(2017, 7, 20),
        "PHY",
    )
    writers = set(
        AuditEvent.objects.filter(action__in=[AuditAction.CREATED, AuditAction.CHANGED])
        .exclude(record_type="deadlines")
        .values_list("actor__username", flat=True)
    )
    assert writers == {"morwenna.sw", "tanvi.tm"}
    assert console_problems == []

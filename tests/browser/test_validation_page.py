"""In Debian's chromium: a head of service filters the validation page by rule, opens the child."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import Council
from lineofsight.journey.models import Referral
from lineofsight.timescales.tests.builders import D
from lineofsight.timescales.tests.scenarios import child_create
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password"


def test_a_head_of_service_filters_by_rule_and_opens_the_child(
    live_server: LiveServer, transactional_db: None, page: Page, console_problems: list[str]
) -> None:
    Council.objects.create(
        name="Walsall", la_number="335", reference_date=D(2017, 3, 31), is_synthetic=True
    )
    child = child_create("C1", "Sam", "Green")
    Referral.objects.create(key="R1", child=child, referred_on=D(2016, 6, 1), source="1A")
    User.objects.create_user(username="sam.head", password=PASSWORD, role=Role.HEAD_OF_SERVICE)
    sign_in(page, live_server.url, "sam.head", PASSWORD)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Validation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("CIN census 2016 to 2017")
    page.get_by_label("Rule").select_option("8540")
    page.get_by_role("button", name="Show").click()
    failures = page.locator("[data-failures] tbody tr")
    expect(failures).to_have_count(1)
    expect(failures.first).to_contain_text("8540")
    failures.first.get_by_role("link", name="C1").click()
    expect(page).to_have_url(f"{live_server.url}/children/C1/")
    assert console_problems == []

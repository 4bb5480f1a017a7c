"""In Debian's chromium: an analyst checks, then loads, a CIN census through the import page."""

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from lineofsight.accounts.models import Role, User
from lineofsight.people.models import Child
from lineofsight.returns.cin_census.export import cin_census_write
from lineofsight.returns.tests.conftest import one_child_frames
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password"


def test_an_analyst_checks_then_loads_a_census(
    live_server: LiveServer,
    transactional_db: None,
    page: Page,
    console_problems: list[str],
    tmp_path: Path,
) -> None:
    census = tmp_path / "cin-2016-17.xml"
    cin_census_write(
        one_child_frames(), year=2017, out=census, generated_at=dt.datetime(2017, 4, 10, 9)
    )
    broken = tmp_path / "broken.xml"
    broken.write_text(census.read_text()[:250])
    User.objects.create_user(
        username="pat.analyst", password=PASSWORD, role=Role.PERFORMANCE_ANALYST
    )
    sign_in(page, live_server.url, "pat.analyst", PASSWORD)
    page.goto(f"{live_server.url}/returns/")
    page.get_by_role("link", name="Import returns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import returns")

    page.get_by_label("Return files").set_input_files([census, broken])
    page.get_by_role("button", name="Check and load").click()
    expect(page.locator("[data-problem]")).to_contain_text("broken.xml: line")
    expect(page.locator("[data-problem]")).to_contain_text("Nothing was loaded")
    assert not Child.objects.exists()

    page.get_by_label("Return files").set_input_files(census)
    page.get_by_role("button", name="Check only").click()
    expect(page.locator("[data-report]")).to_contain_text("Checked: nothing loaded yet")
    expect(page.locator("[data-report]")).to_contain_text("CIN census 2016-17: child 1")
    assert not Child.objects.exists()

    page.get_by_label("Return files").set_input_files(census)
    page.get_by_role("button", name="Check and load").click()
    expect(page.locator("[data-report]")).to_contain_text("Loaded")
    expect(page.locator("[data-report]")).to_contain_text("2 records added, 0 updated")
    assert Child.objects.filter(child_id="C1").exists()
    # The refused upload's page comes back 400 (which the console notes); nothing else.
    assert [p for p in console_problems if "status of 400" not in p] == []

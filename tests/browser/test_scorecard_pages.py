"""In Debian's chromium: the demo head of service opens the monthly performance board, its
section tables and a trend chart, an indicator's breakdowns and the children behind it, and
adds commentary that the board page then shows."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from lineofsight.accounts.models import Role
from lineofsight.accounts.services import DEMO_PASSWORD, DEMO_USERNAMES
from lineofsight.reports.domain.packs import packs_load
from lineofsight.reports.selectors import scorecard_cache_clear
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.browser

BOARD = "monthly-performance-board"
INDICATOR = "cin_visits_in_time_pct"
SCREENSHOT = "/tmp/scorecard-page.png"  # noqa: S108 (looked at by whoever runs the test)


def test_a_head_of_service_reads_the_board_opens_an_indicator_and_adds_commentary(
    live_server: LiveServer, transactional_db: None, page: Page, console_problems: list[str]
) -> None:
    # The demo, as `make demo` builds it (with a smaller council): a synthetic council loaded
    # with its deadlines, and one demo user per role.
    call_command("synth", la="Rutland", year=2017, seed=1, no_progress=True, stdout=io.StringIO())
    call_command("demo_users", stdout=io.StringIO())
    scorecard_cache_clear()
    board = packs_load()[BOARD]
    page.set_viewport_size({"width": 1280, "height": 900})

    sign_in(page, live_server.url, DEMO_USERNAMES[Role.HEAD_OF_SERVICE], DEMO_PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Scorecards").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Scorecards")
    page.get_by_role("link", name="Monthly performance board").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Monthly performance board: 2016-17")
    expect(
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Service")
    ).to_be_visible()
    tables = page.locator("table[data-section]")
    expect(tables).to_have_count(len(board.sections))
    for section in board.sections:
        expect(page.get_by_role("heading", level=2, name=section.title)).to_be_visible()
        table = page.locator(f'table[data-section="{section.key}"]')
        expect(table).to_be_visible()
        expect(table.locator("tr[data-indicator]")).to_have_count(len(section.lines))
    # A trend is folded away until asked for; opened, it is an inline SVG chart.
    chart = page.locator(f'tr[data-trend-of="{INDICATOR}"]')
    expect(chart.locator("svg")).to_be_hidden()
    chart.get_by_text("Trend and commentary").click()
    svg = chart.locator("svg[role='img']")
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box is not None
    assert box["width"] > 300  # drawn at its size, not squashed into the cell
    assert box["height"] > 100
    # Nothing is wider than the page: the tables fit, or scroll inside their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.screenshot(path=SCREENSHOT, full_page=True)

    row = page.locator(f'tr[data-indicator="{INDICATOR}"]')
    title = row.get_by_role("link").first.inner_text()
    row.get_by_role("link").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    breakdown = page.locator('details[data-breakdown="team"] table')
    expect(breakdown).to_be_visible()
    expect(breakdown.locator("tbody tr").first).to_be_visible()
    children = page.locator("table[data-children]")
    expect(children).to_be_visible()
    first = children.locator("tbody tr").first.get_by_role("link")
    child_id = first.inner_text()
    assert re.fullmatch(r"/children/[^/]+/", first.get_attribute("href") or "")
    first.click()
    expect(page).to_have_url(f"{live_server.url}/children/{child_id}/")
    page.go_back()

    page.get_by_role("link", name=f"Back to {board.title}").click()
    page.get_by_role("link", name=f"Add commentary on {board.sections[0].title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Commentary: {board.sections[0].title}"
    )
    page.get_by_label("What the board should know").fill("Contacts rose after half term.")
    page.get_by_role("button", name="Save commentary").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Monthly performance board: 2016-17")
    expect(page.get_by_role("alert")).to_contain_text("Commentary saved")
    commentary = page.locator(f'[data-commentary="{board.sections[0].key}"]')
    expect(commentary).to_contain_text("Contacts rose after half term.")
    expect(
        page.get_by_role("link", name=f"Change commentary on {board.sections[0].title}")
    ).to_be_visible()
    assert console_problems == []  # no script errors, no Content-Security-Policy refusals

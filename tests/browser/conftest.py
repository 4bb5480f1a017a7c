"""Debian's chromium driven by Playwright, for every browser test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connections
from playwright.sync_api import ConsoleMessage, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machines have no internet: without these chromium keeps trying to reach Google.
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
            # Under Playwright's sync API the test's code sees Django connections of its own
            # (Django keeps them per context, and Playwright switches contexts), which
            # pytest-django never closes: left open, PostgreSQL refuses to drop the test
            # database at the end of the run ("1 other session using the database").
            connections.close_all()


@pytest.fixture
def console_problems(page: Page) -> list[str]:
    """Errors and warnings the page logs, and uncaught script errors, as they happen."""
    problems: list[str] = []

    def logged(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            problems.append(message.text)

    page.on("console", logged)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems

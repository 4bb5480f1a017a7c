"""Signing in, for the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page


def sign_in(
    page: Page, base: str, username: str, password: str, *, by_keyboard: bool = False
) -> None:
    """Sign in and wait until the browser has left the sign-in page.

    Going straight to another address while the sign-in form's own navigation is still in
    flight lets the browser abort one of them (net::ERR_ABORTED), so every test waits here.
    """
    sign_in_url = f"{base}/accounts/sign-in/"
    page.goto(sign_in_url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    if by_keyboard:
        page.keyboard.press("Enter")
    else:
        page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(lambda url: not url.startswith(sign_in_url))
    page.wait_for_load_state()

"""Signing in and out: GOV.UK errors, the lockout, and an audit event for every attempt."""

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lineofsight.accounts.forms import ENTER_PASSWORD, ENTER_USERNAME, WRONG_USERNAME_OR_PASSWORD
from lineofsight.accounts.models import Role, SignInThrottle, User
from lineofsight.core.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
SIGN_IN = reverse("accounts:login")


@pytest.fixture
def user() -> User:
    return User.objects.create_user(
        username="sam.worker",
        password=PASSWORD,
        first_name="Sam",
        last_name="Worker",
        role=Role.SOCIAL_WORKER,
    )


def sign_in(
    client: Client, username: str = "sam.worker", password: str = PASSWORD, **extra: str
) -> "Response":
    return client.post(SIGN_IN, {"username": username, "password": password, **extra})


def test_sign_in_page_is_a_gov_uk_form(client: Client) -> None:
    html = client.get(SIGN_IN).content.decode()

    assert "<title>Sign in \N{EN DASH} Line of Sight</title>" in html
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert "govuk-error-summary" not in html


def test_sign_in_lands_on_the_account_page_and_is_audited(client: Client, user: User) -> None:
    response = sign_in(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:account")
    assert client.session["_auth_user_id"] == str(user.pk)
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.SIGNED_IN
    assert event.actor == user
    assert event.record_key == str(user.pk)
    assert event.detail["username"] == "sam.worker"


def test_sign_in_follows_a_safe_next_url(client: Client, user: User) -> None:
    response = sign_in(client, next="/about/")

    assert response["Location"] == "/about/"


def test_sign_in_ignores_an_offsite_next_url(client: Client, user: User) -> None:
    response = sign_in(client, next="https://example.com/")

    assert response["Location"] == reverse("accounts:account")


def test_wrong_password_shows_the_error_summary_and_is_audited(client: Client, user: User) -> None:
    response = sign_in(client, password="not-the-password")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Sign in \N{EN DASH} Line of Sight</title>" in html
    assert 'class="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert f'<a href="#id_username">{WRONG_USERNAME_OR_PASSWORD}</a>' in html
    assert 'class="govuk-error-message"' in html
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.SIGN_IN_FAILED
    assert event.actor is None
    assert event.detail["reason"] == "bad_credentials"
    assert event.detail["known_user"] is True


def test_missing_fields_are_each_named_in_the_error_summary(client: Client) -> None:
    html = sign_in(client, username="", password="").content.decode()

    assert f'<a href="#id_username">{ENTER_USERNAME}</a>' in html
    assert f'<a href="#id_password">{ENTER_PASSWORD}</a>' in html
    assert not AuditEvent.objects.exists()  # nothing was tried


def test_unknown_username_fails_like_a_wrong_password(client: Client) -> None:
    html = sign_in(client, username="nobody").content.decode()

    assert WRONG_USERNAME_OR_PASSWORD in html
    assert AuditEvent.objects.get().detail["known_user"] is False


def test_sixth_attempt_is_locked_out_even_with_the_right_password(
    client: Client, user: User
) -> None:
    for _ in range(4):
        assert WRONG_USERNAME_OR_PASSWORD in sign_in(client, password="wrong").content.decode()
    fifth = sign_in(client, password="wrong").content.decode()
    assert "You cannot sign in for 15 minutes" in fifth

    sixth = sign_in(client)

    assert sixth.status_code == 200
    assert "You cannot sign in for 15 minutes" in sixth.content.decode()
    assert "_auth_user_id" not in client.session
    events = list(AuditEvent.objects.order_by("pk"))
    assert [event.action for event in events] == [AuditAction.SIGN_IN_FAILED] * 6
    assert events[4].detail["locked"] is True
    assert events[5].detail["reason"] == "locked_out"


def test_lockout_is_per_username_and_ignores_case(client: Client, user: User) -> None:
    User.objects.create_user(username="other.user", password=PASSWORD)
    for _ in range(5):
        sign_in(client, username="SAM.WORKER", password="wrong")

    assert "You cannot sign in" in sign_in(client).content.decode()
    assert sign_in(client, username="other.user").status_code == 302


def test_lockout_ends_after_15_minutes(client: Client, user: User) -> None:
    for _ in range(5):
        sign_in(client, password="wrong")

    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=1)):
        response = sign_in(client)

    assert response.status_code == 302
    assert not SignInThrottle.objects.exists()


def test_a_lockout_that_has_run_out_starts_the_count_again(client: Client, user: User) -> None:
    for _ in range(5):
        sign_in(client, password="wrong")

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        html = sign_in(client, password="wrong").content.decode()

    assert WRONG_USERNAME_OR_PASSWORD in html
    assert SignInThrottle.objects.get().failures == 1


def test_success_resets_the_count(client: Client, user: User) -> None:
    for _ in range(4):
        sign_in(client, password="wrong")
    sign_in(client)
    client.logout()

    assert WRONG_USERNAME_OR_PASSWORD in sign_in(client, password="wrong").content.decode()


def test_account_page_requires_sign_in(client: Client) -> None:
    response = client.get(reverse("accounts:account"))

    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next=/accounts/"


def test_account_page_shows_name_role_and_worker(client: Client, user: User) -> None:
    from datetime import date

    from lineofsight.people.models import Worker

    user.worker = Worker.objects.create(
        staff_id="W042",
        given_name="Sam",
        family_name="Worker",
        role="social_worker",
        started_on=date(2015, 1, 1),
    )
    user.save()
    client.force_login(user)

    response = client.get(reverse("accounts:account"))

    html = response.content.decode()
    assert "Sam Worker" in html
    assert "Social worker" in html
    assert "staff ID W042" in html
    assert "no-store" in response.headers["Cache-Control"]


def test_account_page_without_a_worker(client: Client, user: User) -> None:
    client.force_login(user)

    assert (
        "Not linked to a worker record" in client.get(reverse("accounts:account")).content.decode()
    )


def test_sign_out_is_post_only(client: Client, user: User) -> None:
    client.force_login(user)

    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_navigation_offers_sign_in_or_sign_out(client: Client, user: User) -> None:
    assert ">Sign in</a>" in client.get("/").content.decode()

    client.force_login(user)
    html = client.get("/").content.decode()

    assert ">Sign out</button>" in html
    assert ">Account</a>" in html

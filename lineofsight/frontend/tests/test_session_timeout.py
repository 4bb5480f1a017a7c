"""The idle session timeout: re-dated at most once a minute, and enforced after 30 minutes."""

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from lineofsight.accounts.models import Role, User

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def _expiry(client: Client) -> dt.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_the_session_is_re_dated_at_most_once_a_minute_and_expires_when_idle() -> None:
    User.objects.create_user("hana", password="a-long-pass-phrase", role=Role.HEAD_OF_SERVICE)
    client = Client()
    account = reverse("accounts:account")
    with time_machine.travel(START, tick=False) as clock:
        client.login(username="hana", password="a-long-pass-phrase")
        assert client.get(account).status_code == 200
        first = _expiry(client)
        clock.shift(dt.timedelta(seconds=30))
        client.get(account)
        assert _expiry(client) == first  # within the minute: no write
        clock.shift(dt.timedelta(seconds=45))
        client.get(account)
        assert _expiry(client) == first + dt.timedelta(seconds=75)  # re-dated
        clock.shift(dt.timedelta(minutes=31))
        response = client.get(account)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]

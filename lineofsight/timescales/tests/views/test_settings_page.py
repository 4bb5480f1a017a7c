"""The timescale settings: anyone signed in reads the rules; only an administrator changes the
council's closure days and local standards, through the services, with GOV.UK errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.timescales.domain.rules import TIMESCALES
from lineofsight.timescales.forms import CLOSURE_DATE_NOT_REAL, ENTER_CLOSURE_DATE
from lineofsight.timescales.models import ClosureDay, LocalStandardSetting
from lineofsight.timescales.tests.scenarios import PASSWORD

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

SETTINGS = reverse("timescales:settings")
TUESDAY = dt.date(2016, 12, 27)


@pytest.fixture
def signed_in(db: None) -> Callable[[str], Client]:
    def client_as(role: str) -> Client:
        user = User.objects.create_user(username=f"{role}.user", password=PASSWORD, role=role)
        client = Client()
        client.force_login(user)
        return client

    return client_as


def add_closure(
    client: Client, day: str, month: str, year: str, reason: str = "Christmas"
) -> Response:
    return client.post(
        SETTINGS,
        {
            "action": "add_closure",
            "on_day": day,
            "on_month": month,
            "on_year": year,
            "reason": reason,
        },
        follow=True,
    )


def test_anyone_signed_in_reads_every_rule(signed_in: Callable[[str], Client]) -> None:
    html = signed_in(Role.SOCIAL_WORKER).get(SETTINGS).content.decode()

    for rule in TIMESCALES:
        assert f'data-rule="{rule.code}"' in html
    assert "Within 1 working day" in html  # T-01's rule text
    assert "No: a counting window for indicator CIN re-referrals" in html  # T-08, not tracked
    assert "Only an administrator can change" in html
    assert 'name="action"' not in html  # no forms


def test_signing_in_is_required(client: Client, db: None) -> None:
    assert client.get(SETTINGS).status_code == 302


def test_the_rule_list_downloads(signed_in: Callable[[str], Client]) -> None:
    response = signed_in(Role.ELECTED_MEMBER).get(SETTINGS, {"format": "csv"})

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Code,Timescale,Area,Starts from,Met by,Rule,This council's rule")
    assert len(lines) == 1 + len(TIMESCALES)
    assert AuditEvent.objects.get().record_type == "timescales_rules"


@pytest.mark.parametrize(
    "role", [Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.PERFORMANCE_ANALYST]
)
def test_only_an_administrator_may_change_anything(
    signed_in: Callable[[str], Client], role: str
) -> None:
    response = add_closure(signed_in(role), "27", "12", "2016")

    assert response.status_code == 403
    assert not ClosureDay.objects.exists()


def test_an_administrator_adds_a_closure_day(signed_in: Callable[[str], Client]) -> None:
    response = add_closure(signed_in(Role.ADMINISTRATOR), "27", "12", "2016", "Offices closed")

    assert response.redirect_chain == [(SETTINGS, 302)]
    html = response.content.decode()
    assert "27 December 2016 is now a closure day." in html
    assert "govuk-notification-banner--success" in html
    assert 'data-closure="2016-12-27"' in html
    day = ClosureDay.objects.get()
    assert (day.on, day.reason) == (TUESDAY, "Offices closed")
    assert AuditEvent.objects.filter(action=AuditAction.CREATED, record_type="closure_day").exists()


def test_a_weekend_closure_day_shows_the_services_error(
    signed_in: Callable[[str], Client],
) -> None:
    html = add_closure(signed_in(Role.ADMINISTRATOR), "24", "12", "2016").content.decode()

    assert "<title>Error: Timescales" in html
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_on">That date is a weekend: it is never a working day</a>' in html
    assert 'value="24"' in html  # what was typed is kept
    assert not ClosureDay.objects.exists()


@pytest.mark.parametrize(
    ("parts", "message"),
    [(("", "", ""), ENTER_CLOSURE_DATE), (("31", "2", "2017"), CLOSURE_DATE_NOT_REAL)],
)
def test_a_missing_or_impossible_date_is_named_in_the_error_summary(
    signed_in: Callable[[str], Client], parts: tuple[str, str, str], message: str
) -> None:
    html = add_closure(signed_in(Role.ADMINISTRATOR), *parts).content.decode()

    assert f'<a href="#id_on">{message}</a>' in html
    assert 'class="govuk-error-message"' in html


def test_an_administrator_removes_a_closure_day(signed_in: Callable[[str], Client]) -> None:
    client = signed_in(Role.ADMINISTRATOR)
    add_closure(client, "27", "12", "2016")

    response = client.post(SETTINGS, {"action": "remove_closure", "on": "2016-12-27"}, follow=True)

    assert "27 December 2016 is no longer a closure day." in response.content.decode()
    assert not ClosureDay.objects.exists()


def test_removing_a_day_that_is_not_a_closure_day_shows_an_error(
    signed_in: Callable[[str], Client],
) -> None:
    response = signed_in(Role.ADMINISTRATOR).post(
        SETTINGS, {"action": "remove_closure", "on": "2016-12-28"}
    )

    assert "28 December 2016 is not a closure day" in response.content.decode()


def test_an_administrator_sets_a_local_standard(signed_in: Callable[[str], Client]) -> None:
    response = signed_in(Role.ADMINISTRATOR).post(
        SETTINGS,
        {
            "action": "set_standard",
            "rule": "T-07",
            "unit": "working_days",
            "first": "10",
            "then": "10",
            "reason": "Visits every two weeks",
        },
        follow=True,
    )

    html = response.content.decode()
    assert "T-07 now uses the council&#x27;s own standard." in html
    setting = LocalStandardSetting.objects.get()
    assert (setting.rule, setting.first, setting.then) == ("T-07", 10, 10)
    assert "Within 10 working days, then every 10 working days" in html


def test_a_local_standard_of_no_days_shows_the_services_error(
    signed_in: Callable[[str], Client],
) -> None:
    response = signed_in(Role.ADMINISTRATOR).post(
        SETTINGS,
        {
            "action": "set_standard",
            "rule": "T-07",
            "unit": "working_days",
            "first": "0",
            "reason": "Test",
        },
    )

    html = response.content.decode()
    assert '<a href="#id_first">A timescale must allow at least 1 day, week or month</a>' in html
    assert not LocalStandardSetting.objects.exists()


def test_a_statutory_rule_cannot_be_chosen(signed_in: Callable[[str], Client]) -> None:
    response = signed_in(Role.ADMINISTRATOR).post(
        SETTINGS,
        {
            "action": "set_standard",
            "rule": "T-01",
            "unit": "working_days",
            "first": "2",
            "reason": "Faster",
        },
    )

    assert '<a href="#id_rule">Select the local standard to change</a>' in response.content.decode()
    assert not LocalStandardSetting.objects.exists()

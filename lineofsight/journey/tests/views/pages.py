"""What the recording-page tests do alike: sign a user in, open and post a step's page as the
browser sends it, read what the page says back, and check that a refusal wrote nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.tests.builders import PASSWORD, Case
from lineofsight.journey.tests.services.checks import Rows, field_by_field, own_models, rows
from lineofsight.people.models import Child

ERROR_LINKS = re.compile(r'<li><a href="#[^"]*">([^<]+)')


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def worker(case: Case) -> Client:
    """The case's social worker, signed in."""
    return signed_in(case.user)


def step_url(child: Child, slug: str) -> str:
    return reverse("journey:step", args=[child.child_id, slug])


def date_parts(name: str, day: dt.date) -> dict[str, str]:
    """A date as its day, month and year boxes."""
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def answers(**fields: Any) -> dict[str, Any]:
    """The answers as the browser sends them: each date as its three boxes."""
    data: dict[str, Any] = {}
    for name, value in fields.items():
        data |= date_parts(name, value) if isinstance(value, dt.date) else {name: value}
    return data


def record(client: Client, child: Child, slug: str, **fields: Any) -> str:
    """Post a step's answers and follow where it leads; returns the page it lands on."""
    response = client.post(step_url(child, slug), answers(**fields), follow=True)
    assert response.status_code == 200
    return response.content.decode()


def page(client: Client, child: Child, slug: str) -> str:
    """Open a step's page; it must be the step's own form."""
    response = client.get(step_url(child, slug))
    assert response.status_code == 200, slug
    html = response.content.decode()
    assert f'data-step="{slug}"' in html
    return html


def saved(html: str, message: str) -> None:
    """The page shows the success banner with `message`, and no error summary."""
    assert "There is a problem" not in html, ERROR_LINKS.findall(html)
    assert "data-saved" in html
    assert escape(message) in html


def refused(html: str, message: str) -> None:
    """The page shows the error summary with `message`."""
    assert "There is a problem" in html
    assert escape(message) in html


def refused_at(html: str, field: str, message: str) -> None:
    """The error summary links `message` to the field's box."""
    assert "There is a problem" in html
    assert f'<a href="#id_{field}">{escape(message)}</a>' in html


def prefilled_date(name: str, day: dt.date) -> str:
    """The day box of a date field as rendered with `day` already in it."""
    return f'name="{name}_day" type="text" inputmode="numeric" value="{day.day}"'


def written() -> Rows:
    """Every row of our own tables, the audit log among them, but for what signing in and
    opening pages leave behind (the users' last sign-in, and audited sign-ins and views)."""
    found = rows(*(model for model in own_models() if model not in {AuditEvent, User}))
    audited = AuditEvent.objects.exclude(action__in=[AuditAction.VIEWED, AuditAction.SIGNED_IN])
    return found | {"audited": field_by_field(audited)}


@contextmanager
def nothing_written() -> Iterator[None]:
    """Whatever the page is sent inside, it writes nothing."""
    before = written()
    yield
    after = written()
    assert after == before, [table for table in after if after[table] != before[table]]

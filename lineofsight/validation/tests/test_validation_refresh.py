"""Stored validation failures: refreshed from the records, shown on the child's record."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from lineofsight.accounts.models import Role
from lineofsight.core.models import AuditEvent
from lineofsight.returns.tests.test_returns_page import signed_in
from lineofsight.validation.models import ValidationFailure
from lineofsight.validation.services import validation_refresh
from lineofsight.validation.tests.test_validation_page import records  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_refresh_stores_each_childs_failures(records: None) -> None:  # noqa: F811
    done = validation_refresh(acting_user=None, year=2017)
    assert done.year == 2017
    stored = ValidationFailure.objects.filter(rule="8540")
    assert [f.child.child_id for f in stored if f.child] == ["C1"]
    assert done.errors == ValidationFailure.objects.filter(severity="error").count()
    assert AuditEvent.objects.filter(record_type="validation_failures").exists()
    again = validation_refresh(acting_user=None, year=2017)
    assert again.errors == done.errors  # replaced, not added to


def test_the_childs_record_shows_its_failures(records: None) -> None:  # noqa: F811
    call_command("validation_refresh", "--year", "2017", stdout=io.StringIO())
    client = signed_in(Role.HEAD_OF_SERVICE)
    text = client.get(reverse("timescales:child", args=["C1"])).content.decode()
    assert "DfE validation" in text
    assert "8540" in text
    other = client.get(reverse("timescales:child", args=["C2"]))
    assert "8540" not in other.content.decode()


def test_if_empty_does_nothing_when_failures_are_stored(records: None) -> None:  # noqa: F811
    out = io.StringIO()
    call_command("validation_refresh", "--year", "2017", stdout=out)
    assert "validation failures stored for 2016-17" in out.getvalue()
    out = io.StringIO()
    call_command("validation_refresh", "--if-empty", stdout=out)
    assert "stored already" in out.getvalue()

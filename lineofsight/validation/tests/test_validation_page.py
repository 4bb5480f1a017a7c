"""The validation page: who may see it, the failures by rule, filters, links and downloads."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from lineofsight.accounts.models import RestrictionReason, Role, User
from lineofsight.accounts.services import child_record_restrict
from lineofsight.core.models import AuditEvent, Council
from lineofsight.journey.models import Referral
from lineofsight.people.models import Child, ChildDisability
from lineofsight.returns.tests.test_returns_page import signed_in
from lineofsight.timescales.tests.builders import D
from lineofsight.timescales.tests.scenarios import child_create

pytestmark = pytest.mark.django_db
PAGE = reverse("validation:validation")


@pytest.fixture
def records() -> None:
    Council.objects.create(
        name="Walsall", la_number="335", reference_date=D(2017, 3, 31), is_synthetic=True
    )
    for child_id in ("C1", "C2"):
        child = child_create(child_id, "Sam", "Green")
        Referral.objects.create(
            key=f"R-{child_id}",
            child=child,
            referred_on=D(2016, 6, 1),
            source="1A",
            primary_need="N1",
        )
    # C2's disability is recorded; C1's is not (rule 8540).
    ChildDisability.objects.create(key="D2", child=child, disability="NONE")


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.ELECTED_MEMBER])
def test_only_analysts_and_managers_see_it(records: None, role: str) -> None:
    assert signed_in(role).get(PAGE).status_code == 403


def test_failures_by_rule_with_a_link_to_the_child(records: None) -> None:
    client = signed_in(Role.HEAD_OF_SERVICE)
    response = client.get(PAGE, {"year": "2017"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Validation: CIN census 2016 to 2017" in page
    assert 'href="?year=2017&amp;rule=8540"' in page
    assert reverse("timescales:child", args=["C1"]) in page
    missing_disability = client.get(PAGE, {"year": "2017", "rule": "8540"}).content.decode()
    assert reverse("timescales:child", args=["C1"]) in missing_disability
    assert reverse("timescales:child", args=["C2"]) not in missing_disability  # C2's recorded
    assert AuditEvent.objects.filter(record_type="validation").count() == 2


def test_filtering_by_rule_and_downloading_what_is_shown(records: None) -> None:
    client = signed_in(Role.HEAD_OF_SERVICE)
    other = client.get(PAGE, {"year": "2017", "rule": "1103"}).content.decode()
    assert reverse("timescales:child", args=["C1"]) not in other
    download = client.get(PAGE, {"year": "2017", "rule": "8540", "format": "csv"})
    lines = download.content.decode().splitlines()
    assert lines[0] == "rule,severity,child_id,table,row,values,message"
    assert [line.split(",")[2] for line in lines[1:]] == ["C1"]
    workbook = client.get(PAGE, {"year": "2017", "format": "xlsx"})
    assert workbook["Content-Disposition"].endswith('validation.xlsx"')


def test_an_analyst_sees_the_children_without_links_to_records_they_may_not_open(
    records: None,
) -> None:
    page = signed_in(Role.PERFORMANCE_ANALYST).get(PAGE, {"year": "2017"}).content.decode()
    assert ">C1</td>" in page
    assert reverse("timescales:child", args=["C1"]) not in page


def test_a_restricted_childs_failures_are_not_listed_to_those_not_named(records: None) -> None:
    client = signed_in(Role.HEAD_OF_SERVICE)
    head = User.objects.get(role=Role.HEAD_OF_SERVICE)
    named = User.objects.create_user(username="named.sw", role=Role.SOCIAL_WORKER)
    child_record_restrict(
        child=Child.objects.get(child_id="C1"),
        reason=RestrictionReason.STAFF_CONNECTION,
        viewers=[named],
        acting_user=head,
    )

    page = client.get(PAGE, {"year": "2017", "rule": "8540"}).content.decode()

    assert reverse("timescales:child", args=["C1"]) not in page
    assert ">C1</td>" not in page
    assert re.search(r"\(\d+ more (is|are) of restricted records not listed to you\)", page)

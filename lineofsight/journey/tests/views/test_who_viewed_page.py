"""The "who viewed this child" page: the case holder sees every opening and change, newest
first; a worker of another team cannot open it; reading it is itself recorded."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from lineofsight.accounts.models import Role
from lineofsight.core.models import AuditEvent
from lineofsight.journey.tests.builders import (
    Case,
    case_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.views.pages import (
    signed_in,
)
from lineofsight.people.models import TeamMembership

pytestmark = pytest.mark.django_db


def page_url(case: Case) -> str:
    return reverse("journey:who_viewed", args=[case.child.child_id])


def test_the_case_holder_sees_who_opened_the_record_newest_first() -> None:
    case = case_create()
    manager = social_worker_create("TM001", case.team, "tanvi.tm")
    manager.role = Role.TEAM_MANAGER
    manager.save()
    signed_in(manager).get(reverse("timescales:child", args=[case.child.child_id]))
    holder = signed_in(case.user)

    record_page = holder.get(reverse("timescales:child", args=[case.child.child_id]))
    assert 'data-link="who-viewed"' in record_page.content.decode()
    html = holder.get(page_url(case)).content.decode()

    usernames = re.findall(r'data-username="([^"]*)" data-action="([^"]+)"', html)
    # The holder's own opening of the record comes first, the manager's after it.
    assert usernames[0] == ("morwenna.sw", "Viewed")
    assert ("tanvi.tm", "Viewed") in usernames
    assert usernames.index(("tanvi.tm", "Viewed")) > 0
    assert AuditEvent.objects.filter(record_type="access log", actor=case.user).count() == 1


def test_a_worker_of_another_team_cannot_see_the_page() -> None:
    case = case_create()
    outsider = social_worker_create("SW900", team_create("SAFE9"), "outsider.sw")

    assert signed_in(outsider).get(page_url(case)).status_code == 403
    assert not AuditEvent.objects.filter(record_type="access log").exists()


def test_a_social_worker_of_the_team_who_does_not_hold_the_case_gets_no_link() -> None:
    case = case_create()
    colleague = social_worker_create("SW002", case.team, "colleague.sw")
    colleague.role = Role.BUSINESS_SUPPORT
    colleague.save()
    assert TeamMembership.objects.filter(worker=colleague.worker).exists()
    client = signed_in(colleague)

    record_page = client.get(reverse("timescales:child", args=[case.child.child_id]))
    assert record_page.status_code == 200
    assert 'data-link="who-viewed"' not in record_page.content.decode()
    assert client.get(page_url(case)).status_code == 403

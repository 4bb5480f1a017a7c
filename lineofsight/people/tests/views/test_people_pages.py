"""The people pages: teams and their members, adding workers and teams, and starting and
ending memberships, for administrators and heads of service; a team manager only in their own
team; a social worker refused; each missing answer and each refused sequence shown, with
nothing written."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain import sequence as sequence_rules
from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.tests.builders import (
    PASSWORD,
    Case,
    D,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.more_builders import team_manager_create
from lineofsight.journey.tests.views.pages import nothing_written, saved, signed_in
from lineofsight.people import forms
from lineofsight.people.constants import ServiceArea, WorkerRole
from lineofsight.people.models import Team, TeamMembership, Worker

pytestmark = pytest.mark.django_db

ORGANISATION_RECORDS = ("worker", "team", "team_membership")
MANAGERS = (Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE)


def manager_of(role: str) -> Client:
    """An administrator or head of service, who holds no worker record."""
    user = User.objects.create_user(username=f"{role}.user", password=PASSWORD, role=role)
    return signed_in(user)


def newcomer_create() -> Worker:
    """Social worker SW009, in post since January 2017 and in no team yet."""
    return Worker.objects.create(
        staff_id="SW009",
        given_name="Bryony",
        family_name="Newcomerly",
        role=WorkerRole.SOCIAL_WORKER,
        started_on=D(2017, 1, 9),
    )


def teams_url() -> str:
    return reverse("people:teams")


def team_url(team: Team) -> str:
    return reverse("people:team", args=[team.code])


def worker_add_url() -> str:
    return reverse("people:worker_add")


def team_add_url() -> str:
    return reverse("people:team_add")


def answers(prefix: str = "", **fields: Any) -> dict[str, str]:
    """The answers as the browser sends them: a date as its day, month and year boxes."""
    data: dict[str, str] = {}
    for name, value in fields.items():
        key = f"{prefix}-{name}" if prefix else name
        if hasattr(value, "year"):
            data |= {
                f"{key}_day": str(value.day),
                f"{key}_month": str(value.month),
                f"{key}_year": str(value.year),
            }
        else:
            data[key] = str(value)
    return data


def worker_answers(**overrides: Any) -> dict[str, str]:
    values: dict[str, Any] = {
        "staff_id": "SW010",
        "given_name": "Jago",
        "family_name": "Pengellyson",
        "role": WorkerRole.SENIOR_PRACTITIONER,
        "started_on": D(2017, 6, 5),
        "is_qualified": "yes",
        "is_agency": "no",
        "fte": "0.8",
    }
    values.update(overrides)
    return answers(**{name: value for name, value in values.items() if value is not None})


def start_answers(worker: Worker, on: Any) -> dict[str, str]:
    return {"action": "start"} | answers("start", worker=worker.staff_id, started_on=on)


def end_answers(membership: TeamMembership, on: Any) -> dict[str, str]:
    return {"action": "end"} | answers("end", membership=membership.key, ended_on=on)


def post(client: Client, url: str, data: dict[str, str]) -> str:
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def summary(html: str) -> list[tuple[str, str]]:
    """The error summary's links: (anchor, message)."""
    assert "There is a problem" in html
    found = re.findall(r'<li><a href="#([^"]*)">([^<]+)</a></li>', html)
    return [(anchor, message.replace("&#x27;", "'")) for anchor, message in found]


def organisation_audit() -> list[tuple[str, str, str]]:
    return list(
        AuditEvent.objects.filter(record_type__in=ORGANISATION_RECORDS)
        .order_by("pk")
        .values_list("action", "record_type", "record_key")
    )


# ---- administrators and heads of service ------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS)
def test_the_teams_page_lists_every_team_with_its_current_members(case: Case, role: str) -> None:
    other = team_create("CIC1")
    leaver = social_worker_create("SW002", other, "leaver.sw").worker
    assert leaver is not None
    TeamMembership.objects.filter(worker=leaver).update(ended_on=D(2017, 8, 1))

    html = manager_of(role).get(teams_url()).content.decode()

    assert 'data-team="SAFE1"' in html
    assert 'data-team="CIC1"' in html
    assert 'data-member="SW001"' in html
    assert 'data-member="SW002"' not in html  # left the team before today
    assert f'href="{team_url(case.team)}"' in html
    assert f'href="{worker_add_url()}"' in html
    assert f'href="{team_add_url()}"' in html


@pytest.mark.parametrize("role", MANAGERS)
def test_a_worker_added_through_the_page(case: Case, role: str) -> None:
    client = manager_of(role)
    assert 'name="started_on_day"' in client.get(worker_add_url()).content.decode()

    saved(post(client, worker_add_url(), worker_answers()), "Jago Pengellyson added as a worker")

    worker = Worker.objects.get(staff_id="SW010")
    assert (worker.given_name, worker.family_name, worker.role) == (
        "Jago",
        "Pengellyson",
        WorkerRole.SENIOR_PRACTITIONER,
    )
    assert (worker.started_on, worker.is_qualified, worker.is_agency, str(worker.fte)) == (
        D(2017, 6, 5),
        True,
        False,
        "0.80",
    )
    assert organisation_audit() == [(AuditAction.CREATED, "worker", "SW010")]


def test_a_worker_with_no_full_time_equivalent_works_full_time(case: Case) -> None:
    post(manager_of(Role.ADMINISTRATOR), worker_add_url(), worker_answers(fte=""))
    assert str(Worker.objects.get(staff_id="SW010").fte) == "1.00"


@pytest.mark.parametrize("role", MANAGERS)
def test_a_team_added_through_the_page(case: Case, role: str) -> None:
    html = post(
        manager_of(role),
        team_add_url(),
        answers(
            code="SAFE3", name="Safeguarding East", service_area="safeguarding", parent="SAFE1"
        ),
    )

    saved(html, "Safeguarding East added")
    assert '<h1 class="govuk-heading-l">Safeguarding East</h1>' in html  # the team's own page
    team = Team.objects.get(code="SAFE3")
    assert (team.name, team.service_area, team.parent) == (
        "Safeguarding East",
        ServiceArea.SAFEGUARDING,
        case.team,
    )
    assert organisation_audit() == [(AuditAction.CREATED, "team", "SAFE3")]


@pytest.mark.parametrize("role", MANAGERS)
def test_a_membership_started_and_ended_through_the_team_page(case: Case, role: str) -> None:
    client = manager_of(role)
    newcomer = newcomer_create()
    page = client.get(team_url(case.team)).content.decode()
    assert 'data-member="SW001"' in page
    assert '<option value="SW009">' in page  # offered to join
    assert '<option value="SW001">' not in page  # already a member

    saved(
        post(client, team_url(case.team), start_answers(newcomer, D(2017, 9, 4))),
        "Bryony Newcomerly is now a member of Team SAFE1",
    )
    membership = TeamMembership.objects.get(worker=newcomer)
    assert (membership.team, membership.started_on, membership.ended_on) == (
        case.team,
        D(2017, 9, 4),
        None,
    )
    assert membership.key.startswith("TM-")

    html = post(client, team_url(case.team), end_answers(membership, D(2017, 9, 29)))

    saved(html, "Bryony Newcomerly's membership of Team SAFE1 has ended")
    membership.refresh_from_db()
    assert membership.ended_on == D(2017, 9, 29)
    assert organisation_audit() == [
        (AuditAction.CREATED, "team_membership", membership.key),
        (AuditAction.CHANGED, "team_membership", membership.key),
    ]


# ---- team managers ---------------------------------------------------------------------------


def test_a_team_manager_changes_the_members_of_their_own_team(case: Case) -> None:
    client = signed_in(team_manager_create(case.team))
    newcomer = newcomer_create()

    saved(
        post(client, team_url(case.team), start_answers(newcomer, D(2017, 9, 4))),
        "is now a member of Team SAFE1",
    )
    membership = TeamMembership.objects.get(worker=newcomer)
    saved(
        post(client, team_url(case.team), end_answers(membership, D(2017, 9, 20))),
        "membership of Team SAFE1 has ended",
    )
    membership.refresh_from_db()
    assert membership.ended_on == D(2017, 9, 20)


def test_a_team_manager_sees_and_changes_only_their_own_team(case: Case) -> None:
    other = team_create("CIC1")
    colleague = social_worker_create("SW002", other, "colleague.sw").worker
    client = signed_in(team_manager_create(case.team))
    newcomer = newcomer_create()
    their_membership = TeamMembership.objects.get(worker=colleague)

    html = client.get(teams_url()).content.decode()
    assert 'data-team="SAFE1"' in html
    assert 'data-team="CIC1"' not in html

    with nothing_written():
        assert client.get(team_url(other)).status_code == 403
        assert (
            client.post(team_url(other), start_answers(newcomer, D(2017, 9, 4))).status_code == 403
        )
        assert (
            client.post(team_url(other), end_answers(their_membership, D(2017, 9, 4))).status_code
            == 403
        )


def test_a_team_manager_cannot_end_another_teams_membership_from_their_own_page(
    case: Case,
) -> None:
    other = team_create("CIC1")
    colleague = social_worker_create("SW002", other, "colleague.sw").worker
    their_membership = TeamMembership.objects.get(worker=colleague)
    client = signed_in(team_manager_create(case.team))

    with nothing_written():
        html = post(client, team_url(case.team), end_answers(their_membership, D(2017, 9, 4)))

    assert summary(html) == [("id_end-membership", forms.CHOOSE_LEAVING_MEMBER)]


# ---- refused ---------------------------------------------------------------------------------


def test_a_social_worker_is_refused_every_page(case: Case) -> None:
    client = signed_in(case.user)
    newcomer = newcomer_create()
    membership = TeamMembership.objects.get(worker=case.worker)

    with nothing_written():
        for url in (teams_url(), team_url(case.team), worker_add_url(), team_add_url()):
            assert client.get(url).status_code == 403, url
        assert client.post(worker_add_url(), worker_answers()).status_code == 403
        assert (
            client.post(
                team_add_url(), answers(code="X1", name="X", service_area="iro")
            ).status_code
            == 403
        )
        assert (
            client.post(team_url(case.team), start_answers(newcomer, D(2017, 9, 4))).status_code
            == 403
        )
        assert (
            client.post(team_url(case.team), end_answers(membership, D(2017, 9, 4))).status_code
            == 403
        )


def test_signing_in_comes_first(case: Case) -> None:
    response = Client().get(teams_url())
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_an_unknown_team_is_not_found(case: Case) -> None:
    assert manager_of(Role.ADMINISTRATOR).get("/people/teams/NOPE/").status_code == 404


# ---- missing answers -------------------------------------------------------------------------


def test_a_missing_family_name_shows_in_the_error_summary(case: Case) -> None:
    with nothing_written():
        html = post(
            manager_of(Role.ADMINISTRATOR), worker_add_url(), worker_answers(family_name="")
        )

    assert summary(html) == [("id_family_name", forms.ENTER_FAMILY_NAME)]
    assert "<title>Error: " in html
    assert 'id="id_family_name-error"' in html


def test_every_missing_answer_about_a_worker_is_listed(case: Case) -> None:
    with nothing_written():
        html = post(manager_of(Role.HEAD_OF_SERVICE), worker_add_url(), {})

    assert [message for _, message in summary(html)] == [
        forms.ENTER_STAFF_ID,
        forms.ENTER_GIVEN_NAME,
        forms.ENTER_FAMILY_NAME,
        forms.CHOOSE_WORKER_ROLE,
        "Enter the date the worker started working for the service",
        forms.CHOOSE_QUALIFIED,
        forms.CHOOSE_AGENCY,
    ]


def test_a_missing_team_name_shows_in_the_error_summary(case: Case) -> None:
    with nothing_written():
        html = post(
            manager_of(Role.ADMINISTRATOR),
            team_add_url(),
            answers(code="SAFE3", name="", service_area="safeguarding"),
        )

    assert summary(html) == [("id_name", forms.ENTER_TEAM_NAME)]


def test_a_team_code_that_would_not_make_an_address_is_refused(case: Case) -> None:
    client = manager_of(Role.ADMINISTRATOR)
    with nothing_written():
        slashed = post(client, team_add_url(), answers(code="SA/FE", name="X", service_area="iro"))
        new = post(client, team_add_url(), answers(code="New", name="X", service_area="iro"))

    assert summary(slashed) == [("id_code", forms.TEAM_CODE_CHARACTERS)]
    assert summary(new) == [("id_code", forms.TEAM_CODE_RESERVED)]


def test_a_missing_joining_date_shows_in_the_error_summary(case: Case) -> None:
    newcomer = newcomer_create()
    data = {"action": "start", "start-worker": newcomer.staff_id}

    with nothing_written():
        html = post(manager_of(Role.ADMINISTRATOR), team_url(case.team), data)

    assert summary(html) == [("id_start-started_on", "Enter the date the worker joined the team")]
    assert 'id="id_start-started_on" name="start-started_on_day"' in html


def test_a_missing_leaving_member_shows_in_the_error_summary(case: Case) -> None:
    data = {"action": "end"} | answers("end", ended_on=D(2017, 9, 4))

    with nothing_written():
        html = post(manager_of(Role.HEAD_OF_SERVICE), team_url(case.team), data)

    assert summary(html) == [("id_end-membership", forms.CHOOSE_LEAVING_MEMBER)]


# ---- refused sequences -----------------------------------------------------------------------


def test_a_membership_ending_before_it_starts_is_refused(case: Case) -> None:
    membership = TeamMembership.objects.get(worker=case.worker)  # since 1 September 2012

    with nothing_written():
        html = post(
            manager_of(Role.ADMINISTRATOR),
            team_url(case.team),
            end_answers(membership, D(2012, 8, 31)),
        )

    assert summary(html) == [("id_end-membership", sequence_rules.END_BEFORE_START)]


def test_a_membership_starting_in_the_future_is_refused(case: Case) -> None:
    newcomer = newcomer_create()

    with nothing_written():
        html = post(
            manager_of(Role.HEAD_OF_SERVICE),
            team_url(case.team),
            start_answers(newcomer, D(2017, 10, 2)),
        )

    assert summary(html) == [("id_start-worker", sequence_rules.DATE_IN_FUTURE)]


def test_a_membership_starting_before_the_worker_did_is_refused(case: Case) -> None:
    newcomer = newcomer_create()  # in post from 9 January 2017

    with nothing_written():
        html = post(
            manager_of(Role.ADMINISTRATOR),
            team_url(case.team),
            start_answers(newcomer, D(2016, 12, 1)),
        )

    assert summary(html) == [("id_start-worker", rules.WORKER_NOT_IN_POST)]


def test_a_staff_id_already_taken_is_refused(case: Case) -> None:
    with nothing_written():
        html = post(
            manager_of(Role.ADMINISTRATOR), worker_add_url(), worker_answers(staff_id="SW001")
        )

    assert summary(html) == [("id_staff_id", rules.STAFF_ID_TAKEN)]


def test_a_full_time_equivalent_over_one_is_refused(case: Case) -> None:
    with nothing_written():
        html = post(manager_of(Role.ADMINISTRATOR), worker_add_url(), worker_answers(fte="1.5"))

    assert summary(html) == [("id_staff_id", rules.FTE_OUT_OF_RANGE)]


def test_a_team_code_already_taken_is_refused(case: Case) -> None:
    with nothing_written():
        html = post(
            manager_of(Role.HEAD_OF_SERVICE),
            team_add_url(),
            answers(code="SAFE1", name="Another safeguarding team", service_area="safeguarding"),
        )

    assert summary(html) == [("id_code", rules.TEAM_CODE_TAKEN)]

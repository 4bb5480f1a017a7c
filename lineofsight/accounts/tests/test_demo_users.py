"""`lineofsight demo-users`: one user per role, idempotent, linked to fitting workers."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from lineofsight.accounts.models import Role, User
from lineofsight.accounts.services import DEMO_PASSWORD, DEMO_USERNAMES
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.tests.scenarios import council_create
from lineofsight.people.models import Allocation, Child, Team, TeamMembership, Worker

pytestmark = pytest.mark.django_db


def demo_users(*args: str) -> str:
    out = StringIO()
    call_command("demo_users", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def workforce() -> dict[str, Worker]:
    """A small workforce on 31 March 2017: two social workers, a manager, a PA, a leaver."""
    council_create()
    team = Team.objects.create(code="T1", name="Assessment 1", service_area="assessment")

    def worker(staff_id: str, role: str, ended_on: date | None = None) -> Worker:
        return Worker.objects.create(
            staff_id=staff_id,
            given_name="Given" + staff_id,
            family_name="Family" + staff_id,
            role=role,
            started_on=date(2014, 1, 1),
            ended_on=ended_on,
        )

    workers = {
        "busy": worker("W2", "social_worker"),
        "quiet": worker("W1", "senior_practitioner"),
        "left": worker("W0", "social_worker", ended_on=date(2016, 1, 1)),
        "manager": worker("W3", "team_manager"),
        "pa": worker("W4", "personal_adviser"),
    }
    TeamMembership.objects.create(
        key="M3", worker=workers["manager"], team=team, started_on=date(2015, 1, 1)
    )
    for number in range(3):
        child = Child.objects.create(
            child_id=f"C{number}",
            given_name="A",
            family_name="B",
            sex="F",
            born_on=date(2010, 1, 1),
            ethnicity="WBRI",
        )
        for role, who in (("social_worker", "busy"), ("social_worker", "left")):
            Allocation.objects.create(
                key=f"A{number}{who}",
                child=child,
                worker=workers[who],
                team=team,
                role=role,
                started_on=date(2015, 6, 1),
            )
    Allocation.objects.create(
        key="A-quiet",
        child=child,
        worker=workers["quiet"],
        team=team,
        role="social_worker",
        started_on=date(2015, 6, 1),
        ended_on=date(2016, 6, 1),
    )
    return workers


def test_creates_one_user_per_role_with_the_password() -> None:
    output = demo_users()

    users = {user.username: user for user in User.objects.all()}
    assert set(users) == set(DEMO_USERNAMES.values())
    assert {user.role for user in users.values()} == set(Role)
    for username in users:
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None
        assert username in output
    assert "social.worker" in output
    assert DEMO_PASSWORD in output
    assert "Service manager / head of service" in output
    assert users["admin"].is_staff
    assert not users["admin"].is_superuser
    assert not users["councillor"].is_staff
    assert "9 created, 0 reset" in output
    assert AuditEvent.objects.filter(action=AuditAction.CREATED).count() == 9


def test_is_idempotent_and_resets_changes(workforce: dict[str, Worker]) -> None:
    demo_users()
    before = {user.username: (user.pk, user.worker_id) for user in User.objects.all()}
    User.objects.filter(username="iro").update(role=Role.ELECTED_MEMBER, is_active=False)
    User.objects.get(username="analyst").set_password("changed-by-someone-else")

    output = demo_users("--password", "another-long-demo-password")

    after = {user.username: (user.pk, user.worker_id) for user in User.objects.all()}
    assert after == before
    iro = User.objects.get(username="iro")
    assert iro.role == Role.IRO
    assert iro.is_active
    assert authenticate(username="analyst", password="another-long-demo-password") is not None
    assert "0 created, 9 reset" in output


def test_links_workers_that_fit_the_role(workforce: dict[str, Worker]) -> None:
    demo_users()

    linked = {user.username: user.worker for user in User.objects.select_related("worker")}
    assert linked["social.worker"] == workforce["busy"]  # most open allocations, still employed
    assert linked["team.manager"] == workforce["manager"]
    assert linked["personal.adviser"] == workforce["pa"]
    assert linked["iro"] is None
    assert linked["councillor"] is None
    social_worker = User.objects.get(username="social.worker")
    assert social_worker.get_full_name() == "GivenW2 FamilyW2"


def test_does_not_take_a_worker_another_user_acts_as(workforce: dict[str, Worker]) -> None:
    User.objects.create_user(username="real.person", password="x" * 12, worker=workforce["busy"])

    demo_users()

    assert User.objects.get(username="social.worker").worker == workforce["quiet"]


def test_refuses_a_weak_password() -> None:
    with pytest.raises(CommandError, match="too weak"):
        demo_users("--password", "short")
    assert not User.objects.exists()

"""What the journey's service and selector tests set up alike: a team, a social worker who
can sign in, and a child allocated to them. Explicit dates, made-up names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from lineofsight.accounts.models import Role, User
from lineofsight.people.constants import AllocationRole, ServiceArea, WorkerRole
from lineofsight.people.models import Allocation, Child, Team, TeamMembership, Worker

D = dt.date
LONDON = ZoneInfo("Europe/London")
TODAY = D(2017, 9, 30)
PASSWORD = "a-long-test-password"


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


@dataclass(frozen=True)
class Case:
    team: Team
    worker: Worker
    user: User
    child: Child


def team_create(code: str) -> Team:
    return Team.objects.create(
        code=code, name=f"Team {code}", service_area=ServiceArea.SAFEGUARDING
    )


def social_worker_create(staff_id: str, team: Team, username: str) -> User:
    worker = Worker.objects.create(
        staff_id=staff_id,
        given_name="Morwenna",
        family_name=f"Testfield{staff_id}",
        role=WorkerRole.SOCIAL_WORKER,
        started_on=D(2012, 9, 1),
    )
    TeamMembership.objects.create(
        key=f"TM-{staff_id}", worker=worker, team=team, started_on=D(2012, 9, 1)
    )
    return User.objects.create_user(
        username=username, password=PASSWORD, role=Role.SOCIAL_WORKER, worker=worker
    )


def child_create(child_id: str, **dates: dt.date) -> Child:
    return Child.objects.create(
        child_id=child_id,
        given_name="Tamsin",
        family_name="Examplesmith",
        sex="F" if "born_on" in dates else "U",
        ethnicity="WBRI",
        **dates,
    )


def allocate(child: Child, user: User, team: Team) -> None:
    Allocation.objects.create(
        key=f"ALL-{child.child_id}",
        child=child,
        worker=user.worker,
        team=team,
        role=AllocationRole.SOCIAL_WORKER,
        started_on=D(2016, 12, 1),
    )


def case_create() -> Case:
    """Team SAFE1, social worker SW001 in it, and child TEST0001 (born 17 May 2010) allocated
    to them from 1 December 2016."""
    team = team_create("SAFE1")
    user = social_worker_create("SW001", team, "morwenna.sw")
    child = child_create("TEST0001", born_on=D(2010, 5, 17))
    allocate(child, user, team)
    assert user.worker is not None
    return Case(team=team, worker=user.worker, user=user, child=child)

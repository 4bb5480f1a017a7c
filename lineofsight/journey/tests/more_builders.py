"""Setup that several journey and people test modules share, beyond builders.py: the fixtures
of the usual case (re-exported by the conftest.py of each test folder that uses them), a team
manager, and a looked-after episode as a return loads it."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_django.fixtures import Settings

from lineofsight.accounts.models import Role, User
from lineofsight.journey.models import CLAEpisode
from lineofsight.journey.tests.builders import PASSWORD, TODAY, Case, D, case_create
from lineofsight.people.constants import WorkerRole
from lineofsight.people.models import Child, Team, TeamMembership, Worker


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    """The service's today pinned to the builders' TODAY, so timescales are reproducible."""
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def case() -> Case:
    return case_create()


def team_manager_create(team: Team, staff_id: str = "TM001", username: str = "elowen.tm") -> User:
    """A team manager, a member of `team` since April 2010."""
    worker = Worker.objects.create(
        staff_id=staff_id,
        given_name="Elowen",
        family_name=f"Testmanager{staff_id}",
        role=WorkerRole.TEAM_MANAGER,
        started_on=D(2010, 4, 1),
    )
    TeamMembership.objects.create(
        key=f"TM-{staff_id}", worker=worker, team=team, started_on=D(2010, 4, 1)
    )
    return User.objects.create_user(
        username=username, password=PASSWORD, role=Role.TEAM_MANAGER, worker=worker
    )


def looked_after(child: Child, started_on: dt.date, ended_on: dt.date | None = None) -> None:
    """A looked-after episode written directly, as a return loads it (no service, no audit)."""
    CLAEpisode.objects.create(
        key=f"EPI-{child.child_id}-{started_on:%Y%m%d}",
        child=child,
        started_on=started_on,
        reason_new="S",
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        ended_on=ended_on,
        reason_ceased="E8" if ended_on else "",
    )

"""Who may change the organisation around the children: workers, teams, memberships,
allocations and supervision.

Team managers, heads of service and administrators manage people; a team manager only in
their own current teams. Supervision is recorded by those who supervise: team managers and
heads of service. (Whether a user may open a child's record is `access.child_access_allowed`.)
"""

from __future__ import annotations

from lineofsight.accounts.access import current_on
from lineofsight.accounts.models import Role, User
from lineofsight.core.selectors import council_today
from lineofsight.people.models import Team, TeamMembership

PEOPLE_MANAGING_ROLES = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR})
SUPERVISING_ROLES = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})

NOT_PEOPLE_MANAGER = "Only team managers, heads of service and administrators can change this."
NOT_YOUR_TEAM = "You can change allocations and members only in your own teams."
NOT_SUPERVISOR = "Only team managers and heads of service record supervision."


def _signed_in(viewer: User) -> bool:
    return bool(viewer.is_authenticated and viewer.is_active)


def people_manage_allowed(viewer: User) -> bool:
    """Whether the viewer may create workers and teams."""
    return _signed_in(viewer) and viewer.role in PEOPLE_MANAGING_ROLES


def _manages_team_now(viewer: User, team: Team) -> bool:
    if viewer.worker_id is None:
        return False
    return TeamMembership.objects.filter(
        current_on(council_today()), worker=viewer.worker_id, team=team
    ).exists()


def team_people_manage_allowed(viewer: User, team: Team) -> bool:
    """Whether the viewer may allocate children in, or change the members of, this team."""
    if not people_manage_allowed(viewer):
        return False
    if viewer.role == Role.TEAM_MANAGER:
        return _manages_team_now(viewer, team)
    return True


def supervision_record_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role in SUPERVISING_ROLES

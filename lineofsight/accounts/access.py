"""Record-level access: which teams and which children a signed-in user may see.

Each rule is a small function over the ORM, one condition per line, so it can be read against
the policy and has a denial test of its own. "Current" means on the service's today
(`council_today`): started on or before it, and not ended on or before it.

Who sees which child's record:

* social worker, personal adviser, IRO: a child they hold a current allocation of, or whose
  open deadline they are the responsible worker for;
* team manager, business support: a child whose open case (`CaseloadEntry`) or current
  allocation belongs to one of their current teams, or whose open deadline they hold;
* head of service: any child;
* performance analyst, administrator, elected member: no named child records.

Restricted records (`RestrictedRecord`: a child connected to a member of staff, a sealed
adoption): while a restriction is in force, the record is open only to the people named on it,
and to them only by their role's own rule above. Being named never widens a role: an allocated
worker who is not named is refused, a head of service is refused unless named, and an analyst,
administrator or elected member sees nothing even if named. Every list that names children
must drop the restricted ones too (`children_visible_among` does; `child_ids_restricted_from`
is the subquery for the others). Only a head of service or an administrator manages
restrictions (`restricted_records_manage_allowed`), whether or not named; each change is
audited, and no one may name themselves on a restriction already in force.

Who may read the audit trail of a child's record ("who viewed this child"): the child's
current allocated social worker or personal adviser, the team managers of the child's team and
heads of service, each only while they may open the record itself.

Performance analysts see children's lists pseudonymised (`child_lists_pseudonymised`).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from lineofsight.accounts.models import RestrictedRecord, RestrictedViewer, Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.request_memo import once
from lineofsight.core.selectors import council_today
from lineofsight.people.constants import AllocationRole
from lineofsight.people.models import Allocation, Child, Team, TeamMembership
from lineofsight.timescales.models import OPEN_STATUSES, CaseloadEntry, Deadline

CHILD_RECORD_TYPE = "child"

# Who holds cases themselves, and so sees "My work" and the children allocated to them.
CASE_HOLDER_ROLES = frozenset({Role.SOCIAL_WORKER, Role.PERSONAL_ADVISER, Role.IRO})
# Who sees the children of their own current teams.
TEAM_ROLES = frozenset({Role.TEAM_MANAGER, Role.BUSINESS_SUPPORT})
# Who may open the Team page of a team they are a current member of.
OWN_TEAM_PAGE_ROLES = frozenset({Role.TEAM_MANAGER, Role.SOCIAL_WORKER, Role.BUSINESS_SUPPORT})
# Team managers hold cases too (held by a manager), so they have a "My work" list.
MY_WORK_ROLES = CASE_HOLDER_ROLES | {Role.TEAM_MANAGER}


def _signed_in(viewer: User) -> bool:
    return bool(viewer.is_authenticated and viewer.is_active)


def current_on(on: dt.date) -> Q:
    """A dated row (`started_on` / `ended_on`: a membership, an allocation) open on `on`."""
    return Q(started_on__lte=on) & (Q(ended_on__isnull=True) | Q(ended_on__gt=on))


def _current_teams_of(viewer: User) -> QuerySet[Team]:
    """The teams the viewer's worker record is a current member of."""
    if viewer.worker_id is None:
        return Team.objects.none()
    memberships = TeamMembership.objects.filter(
        current_on(council_today()), worker=viewer.worker_id
    )
    return Team.objects.filter(pk__in=memberships.values("team_id"))


def teams_visible_to(viewer: User) -> QuerySet[Team]:
    """The teams whose Team page the viewer may open."""
    if not _signed_in(viewer):
        return Team.objects.none()
    if viewer.role == Role.HEAD_OF_SERVICE:
        return Team.objects.all()
    if viewer.role in OWN_TEAM_PAGE_ROLES:
        return _current_teams_of(viewer)
    return Team.objects.none()


def my_work_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role in MY_WORK_ROLES


def team_pages_allowed(viewer: User) -> bool:
    """Whether the viewer's role opens Team pages at all (navigation; the team is checked too)."""
    return _signed_in(viewer) and (
        viewer.role == Role.HEAD_OF_SERVICE or viewer.role in OWN_TEAM_PAGE_ROLES
    )


def service_overview_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role == Role.HEAD_OF_SERVICE


# Who may download a whole statutory return (child-level data for DfE or Ofsted).
RETURNS_ROLES = frozenset({Role.PERFORMANCE_ANALYST, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR})


def returns_export_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role in RETURNS_ROLES


# Who may load whole returns into the records (it can change every child's record).
RETURNS_IMPORT_ROLES = frozenset({Role.PERFORMANCE_ANALYST, Role.ADMINISTRATOR})


def returns_import_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role in RETURNS_IMPORT_ROLES


def validation_allowed(viewer: User) -> bool:
    """Who may see DfE validation failures across the council (child-level, like a return)."""
    return _signed_in(viewer) and viewer.role in RETURNS_ROLES


def timescale_settings_change_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role == Role.ADMINISTRATOR


def _holds_current_allocation(viewer: User, child: Child) -> bool:
    if viewer.worker_id is None:
        return False
    return Allocation.objects.filter(
        current_on(council_today()), child=child, worker=viewer.worker_id
    ).exists()


def _responsible_for_open_deadline(viewer: User, child: Child) -> bool:
    if viewer.worker_id is None:
        return False
    return Deadline.objects.filter(
        child=child, worker=viewer.worker_id, status__in=OPEN_STATUSES
    ).exists()


def _open_case_in_teams(child: Child, teams: QuerySet[Team]) -> bool:
    return CaseloadEntry.objects.filter(child=child, team__in=teams).exists()


def _allocated_in_teams(child: Child, teams: QuerySet[Team]) -> bool:
    return Allocation.objects.filter(
        current_on(council_today()), child=child, team__in=teams
    ).exists()


def _restrictions_in_force() -> QuerySet[RestrictedRecord]:
    # In force until lifted, whatever its date says: a restriction fails closed.
    return RestrictedRecord.objects.filter(lifted_on__isnull=True)


def _named_restrictions(viewer: User) -> QuerySet[RestrictedViewer]:
    return RestrictedViewer.objects.filter(user=viewer.pk, restriction__in=_restrictions_in_force())


def child_ids_restricted_from(viewer: User) -> QuerySet[RestrictedRecord, str]:
    """The `child_id` of every child whose record is restricted and does not name the viewer:
    a subquery for any list of children (`.exclude(child__child_id__in=...)`)."""
    return (
        _restrictions_in_force()
        .exclude(pk__in=_named_restrictions(viewer).values("restriction_id"))
        .values_list("child__child_id", flat=True)
    )


def _restricted_from(viewer: User, child: Child) -> bool:
    restriction = _restrictions_in_force().filter(child=child).first()
    if restriction is None:
        return False
    return not restriction.named.filter(user=viewer.pk).exists()


def child_access_allowed(viewer: User, child: Child) -> bool:
    """Whether the viewer may open this child's record (see the module docstring); decided
    once a request, as a page asks it of each part it shows."""
    if not _signed_in(viewer):
        return False
    return once(
        ("child access", viewer.pk, viewer.role, child.pk),
        lambda: not _restricted_from(viewer, child) and _role_rule_allows(viewer, child),
    )


def _role_rule_allows(viewer: User, child: Child) -> bool:
    if viewer.role == Role.HEAD_OF_SERVICE:
        return True
    if viewer.role in CASE_HOLDER_ROLES:
        return _holds_current_allocation(viewer, child) or _responsible_for_open_deadline(
            viewer, child
        )
    if viewer.role in TEAM_ROLES:
        teams = _current_teams_of(viewer)
        return (
            _open_case_in_teams(child, teams)
            or _allocated_in_teams(child, teams)
            # a case a manager holds themselves, wherever it sits (it is on their My work)
            or _responsible_for_open_deadline(viewer, child)
        )
    return False


def every_child_visible(viewer: User) -> bool:
    """Whether the viewer's role opens any child's record (so a council-wide list may link
    them), restricted records apart: such a list must still drop `child_ids_restricted_from`."""
    return _signed_in(viewer) and viewer.role == Role.HEAD_OF_SERVICE


def child_get_for_viewer(viewer: User, child_id: str) -> Child:
    """The child, if the viewer may see its record; each opening is audited.

    Raises Http404 for an unknown child and PermissionDenied when the viewer may not see it.
    """
    child = Child.objects.filter(child_id=child_id).first()
    if child is None:
        raise Http404("No child has that ID")
    if not child_access_allowed(viewer, child):
        raise PermissionDenied("You cannot see this child's record")
    AuditEvent.objects.create(
        actor=viewer,
        action=AuditAction.VIEWED,
        record_type=CHILD_RECORD_TYPE,
        record_key=child.child_id,
        child_id=child.child_id,
    )
    return child


def _people_manage_allowed(viewer: User) -> bool:
    # Imported here: access_people builds on this module's rules.
    from lineofsight.accounts.access_people import people_manage_allowed

    return people_manage_allowed(viewer)


def sections_visible_to(viewer: User) -> dict[str, bool]:
    """Which of the role-specific pages the service navigation offers the viewer."""
    return {
        "my_work": my_work_allowed(viewer),
        "team": _signed_in(viewer) and viewer.role in TEAM_ROLES,
        "service": service_overview_allowed(viewer),
        "timescale_settings": timescale_settings_change_allowed(viewer),
        "returns": returns_export_allowed(viewer),
        "validation": validation_allowed(viewer),
        "scorecards": scorecards_allowed(viewer),
        "restricted_records": restricted_records_manage_allowed(viewer),
        "people": _people_manage_allowed(viewer),
    }


# Who may open board scorecards (aggregate figures; no child is named on them).
SCORECARD_ROLES = frozenset(
    {
        Role.HEAD_OF_SERVICE,
        Role.TEAM_MANAGER,
        Role.PERFORMANCE_ANALYST,
        Role.ADMINISTRATOR,
        Role.ELECTED_MEMBER,
    }
)
# Who writes the commentary a board reads beside the numbers.
SCORECARD_COMMENTARY_ROLES = frozenset({Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER})


def scorecards_allowed(viewer: User) -> bool:
    return _signed_in(viewer) and viewer.role in SCORECARD_ROLES


def scorecard_team_allowed(viewer: User, team_code: str) -> bool:
    """A team pack: a head of service, analyst or administrator sees any team's; a team
    manager only their own current teams'."""
    if not scorecards_allowed(viewer) or viewer.role == Role.ELECTED_MEMBER:
        return False
    if viewer.role == Role.TEAM_MANAGER:
        return _current_teams_of(viewer).filter(code=team_code).exists()
    return True


def scorecard_teams_visible_to(viewer: User) -> QuerySet[Team]:
    """The teams whose pack the viewer may open (the same rule as `scorecard_team_allowed`)."""
    if not scorecards_allowed(viewer) or viewer.role == Role.ELECTED_MEMBER:
        return Team.objects.none()
    if viewer.role == Role.TEAM_MANAGER:
        return _current_teams_of(viewer)
    return Team.objects.all()


def scorecard_commentary_allowed(viewer: User, *, team_code: str | None) -> bool:
    """Heads of service write any pack's commentary; team managers their own team's pack."""
    if not _signed_in(viewer) or viewer.role not in SCORECARD_COMMENTARY_ROLES:
        return False
    if viewer.role == Role.TEAM_MANAGER:
        return team_code is not None and scorecard_team_allowed(viewer, team_code)
    return True


def children_visible_among(viewer: User, child_ids: list[str]) -> set[str]:
    """Which of these children's records the viewer may open (for a list behind a number):
    every one for a head of service; for a team manager those open to, or allocated in, their
    current teams; none for anyone else; and never a restricted one not naming the viewer."""
    if not _signed_in(viewer) or not child_ids:
        return set()
    return _children_by_role_among(viewer, child_ids) - set(child_ids_restricted_from(viewer))


def _children_by_role_among(viewer: User, child_ids: list[str]) -> set[str]:
    if viewer.role == Role.HEAD_OF_SERVICE:
        return set(child_ids)
    if viewer.role != Role.TEAM_MANAGER:
        return set()
    teams = _current_teams_of(viewer)
    open_here = CaseloadEntry.objects.filter(
        child__child_id__in=child_ids, team__in=teams
    ).values_list("child__child_id", flat=True)
    allocated = Allocation.objects.filter(
        current_on(council_today()), child__child_id__in=child_ids, team__in=teams
    ).values_list("child__child_id", flat=True)
    return set(open_here) | set(allocated)


# --- Restricted records, pseudonymised lists, the audit trail -----------------------------------

RESTRICTION_MANAGER_ROLES = frozenset({Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR})


def restricted_records_manage_allowed(viewer: User) -> bool:
    """Who restricts a record, lifts a restriction or names the people who may still see it."""
    return _signed_in(viewer) and viewer.role in RESTRICTION_MANAGER_ROLES


def child_lists_pseudonymised(viewer: User) -> bool:
    """Whether lists of children show the viewer a pseudonym (`accounts.pseudonyms`) in place
    of the child's ID and name: analysts count children, they do not need to know who."""
    return _signed_in(viewer) and viewer.role == Role.PERFORMANCE_ANALYST


# The allocations that make a worker the child's case holder (an IRO reviews, not holds).
CASE_HOLDING_ALLOCATIONS = frozenset(
    {AllocationRole.SOCIAL_WORKER, AllocationRole.PERSONAL_ADVISER}
)


def _holds_the_case(viewer: User, child: Child) -> bool:
    if viewer.worker_id is None:
        return False
    return Allocation.objects.filter(
        current_on(council_today()),
        child=child,
        worker=viewer.worker_id,
        role__in=CASE_HOLDING_ALLOCATIONS,
    ).exists()


def child_access_log_allowed(viewer: User, child: Child) -> bool:
    """Who may read who has viewed or changed this child's record: the child's current
    allocated social worker or personal adviser (not an IRO), a team manager of the child's
    team, a head of service; each only while they may open the record itself (so a
    restriction binds here too)."""
    if not child_access_allowed(viewer, child):
        return False
    if viewer.role == Role.HEAD_OF_SERVICE:
        return True
    if viewer.role in CASE_HOLDER_ROLES:
        return _holds_the_case(viewer, child)
    if viewer.role == Role.TEAM_MANAGER:
        teams = _current_teams_of(viewer)
        return _open_case_in_teams(child, teams) or _allocated_in_teams(child, teams)
    return False

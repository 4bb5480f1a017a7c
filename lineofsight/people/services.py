"""Writes for the organisation around the children: workers, teams, team memberships and the
allocation of children to workers.

Only team managers, heads of service and administrators make them; a team manager only in
their own current teams (`accounts.access_people`). An administrator cannot open children's
records but does allocate, so allocating checks the team, not the child's record. Writes about
a child are audited under the child's id; writes about workers and teams name no child.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lineofsight.accounts.access import current_on
from lineofsight.accounts.access_people import (
    NOT_PEOPLE_MANAGER,
    NOT_YOUR_TEAM,
    people_manage_allowed,
    team_people_manage_allowed,
)
from lineofsight.accounts.models import User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_today
from lineofsight.journey.domain import sequence as sequence_rules
from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.services._steps import (
    check_dated,
    new_key,
    record_changed,
    record_created,
)
from lineofsight.people.constants import AllocationRole
from lineofsight.people.models import Allocation, Child, Team, TeamMembership, Worker

# Roles whose allocation may name no worker (the model's `allocation_names_worker`).
UNNAMED_ROLES = frozenset({AllocationRole.DUTY, AllocationRole.HELD_BY_MANAGER})


def _audit_organisation(
    *,
    acting_user: User,
    action: AuditAction,
    record_type: str,
    record_key: str,
    fields: list[str] | None = None,
) -> None:
    """An audit row for a write about the organisation, which names no child."""
    AuditEvent.objects.create(
        actor=acting_user,
        action=action,
        record_type=record_type,
        record_key=record_key,
        detail={"fields": fields} if fields else {},
    )


def _in_team_on(worker: Worker, team: Team, on: dt.date) -> bool:
    return TeamMembership.objects.filter(current_on(on), worker=worker, team=team).exists()


def _check_manages(acting_user: User, team: Team) -> None:
    if not people_manage_allowed(acting_user):
        raise PermissionDenied(NOT_PEOPLE_MANAGER)
    if not team_people_manage_allowed(acting_user, team):
        raise PermissionDenied(NOT_YOUR_TEAM)


@transaction.atomic
def worker_create(
    *,
    staff_id: str,
    given_name: str,
    family_name: str,
    role: str,
    started_on: dt.date,
    is_qualified: bool = True,
    is_agency: bool = False,
    fte: Decimal = Decimal(1),
    acting_user: User,
) -> Worker:
    if not people_manage_allowed(acting_user):
        raise PermissionDenied(NOT_PEOPLE_MANAGER)
    fte = Decimal(fte)
    rules.check_worker(
        staff_id_taken=Worker.objects.filter(staff_id=staff_id).exists(),
        names=[staff_id, given_name, family_name],
        fte=fte,
    )
    sequence_rules.check_not_in_future(on=started_on, today=council_today())
    worker = Worker.objects.create(
        staff_id=staff_id,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        role=role,
        started_on=started_on,
        is_qualified=is_qualified,
        is_agency=is_agency,
        fte=fte,
    )
    _audit_organisation(
        acting_user=acting_user,
        action=AuditAction.CREATED,
        record_type="worker",
        record_key=worker.staff_id,
    )
    return worker


@transaction.atomic
def team_create(
    *,
    code: str,
    name: str,
    service_area: str,
    parent: Team | None = None,
    acting_user: User,
) -> Team:
    if not people_manage_allowed(acting_user):
        raise PermissionDenied(NOT_PEOPLE_MANAGER)
    rules.check_team(code_taken=Team.objects.filter(code=code).exists(), name=name)
    team = Team.objects.create(
        code=code, name=name.strip(), service_area=service_area, parent=parent
    )
    _audit_organisation(
        acting_user=acting_user, action=AuditAction.CREATED, record_type="team", record_key=code
    )
    return team


@transaction.atomic
def team_membership_start(
    *, worker: Worker, team: Team, started_on: dt.date, acting_user: User
) -> TeamMembership:
    _check_manages(acting_user, team)
    worker = Worker.objects.select_for_update().get(pk=worker.pk)
    sequence_rules.check_not_in_future(on=started_on, today=council_today())
    rules.check_in_post(on=started_on, started_on=worker.started_on, ended_on=worker.ended_on)
    rules.check_membership_start(
        started_on=started_on,
        memberships=list(
            worker.memberships.filter(team=team).values_list("started_on", "ended_on")
        ),
    )
    membership = TeamMembership.objects.create(
        key=new_key("TM"), worker=worker, team=team, started_on=started_on
    )
    _audit_organisation(
        acting_user=acting_user,
        action=AuditAction.CREATED,
        record_type=membership.record_type,
        record_key=membership.key,
    )
    return membership


@transaction.atomic
def team_membership_end(
    *, membership: TeamMembership, ended_on: dt.date, acting_user: User
) -> TeamMembership:
    membership = TeamMembership.objects.select_for_update().get(pk=membership.pk)
    _check_manages(acting_user, membership.team)
    rules.check_membership_end(
        started_on=membership.started_on,
        ended_on=ended_on,
        already_ended=membership.ended_on is not None,
    )
    sequence_rules.check_not_in_future(on=ended_on, today=council_today())
    membership.ended_on = ended_on
    membership.save(update_fields=["ended_on", "updated_at"])
    _audit_organisation(
        acting_user=acting_user,
        action=AuditAction.CHANGED,
        record_type=membership.record_type,
        record_key=membership.key,
        fields=["ended_on"],
    )
    return membership


@transaction.atomic
def allocation_start(
    *,
    child: Child,
    team: Team,
    role: str,
    started_on: dt.date,
    worker: Worker | None = None,
    change_reason: str = "",
    acting_user: User,
) -> Allocation:
    """Allocate the child to a worker (or hold it on duty or by a manager) in a team. The
    child's open allocation in the same role ends the day this one starts."""
    _check_manages(acting_user, team)
    child = Child.objects.select_for_update().get(pk=child.pk)
    same_role = list(Allocation.objects.select_for_update().filter(child=child, role=role))
    open_ones = [a for a in same_role if a.ended_on is None and a.started_on < started_on]
    rules.check_allocation_start(
        started_on=started_on,
        worker_named=worker is not None,
        worker_may_be_absent=role in UNNAMED_ROLES,
        worker_in_team=worker is not None and _in_team_on(worker, team, started_on),
        allocations=[(a.started_on, a.ended_on) for a in same_role if a not in open_ones],
    )
    rules.check_change_reason(
        replaces_social_worker=role == AllocationRole.SOCIAL_WORKER and bool(open_ones),
        change_reason=change_reason,
    )
    check_dated(child, started_on)
    for previous in open_ones:
        record_changed(previous, child=child, acting_user=acting_user, ended_on=started_on)
    return record_created(
        Allocation,
        child=child,
        acting_user=acting_user,
        prefix="ALL",
        worker=worker,
        team=team,
        role=role,
        started_on=started_on,
        change_reason=change_reason,
    )


@transaction.atomic
def allocation_end(*, allocation: Allocation, ended_on: dt.date, acting_user: User) -> Allocation:
    # The child first, then its allocation: the order `allocation_start` locks them in.
    child = Child.objects.select_for_update().get(pk=allocation.child_id)
    allocation = Allocation.objects.select_for_update().select_related("team").get(pk=allocation.pk)
    _check_manages(acting_user, allocation.team)
    rules.check_allocation_end(
        started_on=allocation.started_on,
        ended_on=ended_on,
        already_ended=allocation.ended_on is not None,
    )
    check_dated(child, ended_on)
    return record_changed(allocation, child=child, acting_user=acting_user, ended_on=ended_on)

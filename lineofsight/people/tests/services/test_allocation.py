"""Allocations, workers, teams and memberships written through the services: rows and audit
rows, each refused record (nothing written), and who may make them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain import sequence as sequence_rules
from lineofsight.journey.domain import sequence_oversight as rules
from lineofsight.journey.tests.builders import (
    PASSWORD,
    TODAY,
    Case,
    D,
    social_worker_create,
)
from lineofsight.journey.tests.builders import team_create as team_build
from lineofsight.journey.tests.more_builders import team_manager_create
from lineofsight.journey.tests.services.checks import nothing_written, refused_and_nothing_written
from lineofsight.people.constants import (
    AllocationRole,
    ServiceArea,
    SocialWorkerChangeReason,
    WorkerRole,
)
from lineofsight.people.models import Allocation, TeamMembership, Worker
from lineofsight.people.services import (
    allocation_end,
    allocation_start,
    team_create,
    team_membership_end,
    team_membership_start,
    worker_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(case: Case) -> User:
    """Team manager TM001 of the case's team."""
    return team_manager_create(case.team)


@pytest.fixture
def colleague(case: Case) -> Worker:
    """Social worker SW003, in the case's team, to take the case over."""
    worker = social_worker_create("SW003", case.team, "colleague.sw").worker
    assert worker is not None
    return worker


def reallocate(case: Case, acting_user: User, **overrides: Any) -> Allocation:
    values: dict[str, Any] = {
        "child": case.child,
        "team": case.team,
        "role": AllocationRole.SOCIAL_WORKER,
        "started_on": D(2017, 3, 1),
        "change_reason": SocialWorkerChangeReason.LEFTRL,
        "acting_user": acting_user,
    }
    values.update(overrides)
    return allocation_start(**values)


# ---- allocations ----------------------------------------------------------------------------


def test_new_social_worker_ends_the_current_allocation_the_day_it_starts(
    case: Case, manager: User, colleague: Worker
):
    previous = Allocation.objects.get()
    allocation = reallocate(case, manager, worker=colleague)

    previous.refresh_from_db()
    assert previous.ended_on == D(2017, 3, 1)
    assert allocation.key.startswith("ALL-")
    assert (allocation.child, allocation.worker, allocation.team, allocation.role) == (
        case.child,
        colleague,
        case.team,
        AllocationRole.SOCIAL_WORKER,
    )
    assert (allocation.started_on, allocation.ended_on, allocation.change_reason) == (
        D(2017, 3, 1),
        None,
        SocialWorkerChangeReason.LEFTRL,
    )
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.action, e.record_type, e.record_key, e.child_id, e.detail) for e in events] == [
        (AuditAction.CHANGED, "allocation", previous.key, "TEST0001", {"fields": ["ended_on"]}),
        (AuditAction.CREATED, "allocation", allocation.key, "TEST0001", {}),
    ]
    assert {e.actor_id for e in events} == {manager.pk}


def test_allocation_in_another_role_leaves_the_social_worker_allocated(
    case: Case, manager: User, colleague: Worker
):
    allocation = reallocate(
        case, manager, role=AllocationRole.FAMILY_SUPPORT, worker=colleague, change_reason=""
    )
    assert Allocation.objects.get(role=AllocationRole.SOCIAL_WORKER).ended_on is None
    assert allocation.role == AllocationRole.FAMILY_SUPPORT
    assert AuditEvent.objects.count() == 1


def test_case_held_on_duty_names_no_worker(case: Case, manager: User):
    allocation = reallocate(case, manager, role=AllocationRole.DUTY, change_reason="")
    assert (allocation.worker, allocation.role) == (None, AllocationRole.DUTY)


def test_head_of_service_and_administrator_may_allocate_in_any_team(case: Case, colleague: Worker):
    head = User.objects.create_user(
        username="head.hos", password=PASSWORD, role=Role.HEAD_OF_SERVICE
    )
    admin = User.objects.create_user(username="admin", password=PASSWORD, role=Role.ADMINISTRATOR)
    reallocate(case, head, worker=colleague)
    reallocate(case, admin, worker=case.worker, started_on=D(2017, 4, 1))
    assert Allocation.objects.filter(ended_on__isnull=True).get().worker == case.worker


def test_allocation_naming_no_worker_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.ALLOCATION_NEEDS_WORKER):
        reallocate(case, manager)


def test_allocation_to_a_worker_outside_the_team_is_refused(case: Case, manager: User):
    outsider = social_worker_create("SW004", team_build("SAFE2"), "outsider.sw").worker
    with refused_and_nothing_written(rules.WORKER_NOT_IN_TEAM):
        reallocate(case, manager, worker=outsider)


@pytest.mark.parametrize("started_on", [D(2016, 12, 1), D(2016, 11, 30)])
def test_allocation_on_or_before_the_current_one_started_is_refused(
    case: Case, manager: User, colleague: Worker, started_on: dt.date
):
    with refused_and_nothing_written(rules.ALLOCATION_OVERLAPS):
        reallocate(case, manager, worker=colleague, started_on=started_on)


def test_change_of_social_worker_without_its_reason_is_refused(
    case: Case, manager: User, colleague: Worker
):
    with refused_and_nothing_written(rules.CHANGE_REASON_REQUIRED):
        reallocate(case, manager, worker=colleague, change_reason="")


def test_allocation_in_the_future_is_refused(case: Case, manager: User, colleague: Worker):
    with refused_and_nothing_written(sequence_rules.DATE_IN_FUTURE):
        reallocate(case, manager, worker=colleague, started_on=TODAY + dt.timedelta(days=1))


def test_allocation_is_ended(case: Case, manager: User):
    allocation = allocation_end(
        allocation=Allocation.objects.get(), ended_on=D(2017, 6, 30), acting_user=manager
    )
    allocation.refresh_from_db()
    assert allocation.ended_on == D(2017, 6, 30)
    event = AuditEvent.objects.get()
    assert (event.action, event.record_key, event.child_id, event.detail) == (
        AuditAction.CHANGED,
        allocation.key,
        "TEST0001",
        {"fields": ["ended_on"]},
    )


def test_allocation_ended_twice_or_before_it_started_is_refused(case: Case, manager: User):
    allocation = Allocation.objects.get()
    with refused_and_nothing_written(sequence_rules.END_BEFORE_START):
        allocation_end(allocation=allocation, ended_on=D(2016, 11, 30), acting_user=manager)
    allocation_end(allocation=allocation, ended_on=D(2017, 6, 30), acting_user=manager)
    with refused_and_nothing_written(rules.ALLOCATION_ALREADY_ENDED):
        allocation_end(allocation=allocation, ended_on=D(2017, 7, 1), acting_user=manager)


def test_social_worker_may_not_allocate_or_end_an_allocation(case: Case, colleague: Worker):
    with nothing_written(PermissionDenied):
        reallocate(case, case.user, worker=colleague)
    with nothing_written(PermissionDenied):
        allocation_end(
            allocation=Allocation.objects.get(), ended_on=D(2017, 6, 30), acting_user=case.user
        )


def test_manager_of_another_team_may_not_allocate_in_this_one(case: Case, colleague: Worker):
    stranger = team_manager_create(team_build("SAFE2"), "TM002", "stranger.tm")
    with nothing_written(PermissionDenied):
        reallocate(case, stranger, worker=colleague)
    with nothing_written(PermissionDenied):
        allocation_end(
            allocation=Allocation.objects.get(), ended_on=D(2017, 6, 30), acting_user=stranger
        )


# ---- workers and teams ----------------------------------------------------------------------


def test_worker_is_created_and_audited_without_a_child(manager: User):
    worker = worker_create(
        staff_id="SW010",
        given_name="Jory",
        family_name="Testpenrose",
        role=WorkerRole.ASYE,
        started_on=D(2017, 9, 1),
        fte=Decimal("0.8"),
        acting_user=manager,
    )
    worker.refresh_from_db()
    assert (worker.role, worker.fte, worker.started_on) == (
        WorkerRole.ASYE,
        Decimal("0.8"),
        D(2017, 9, 1),
    )
    event = AuditEvent.objects.get()
    assert (event.actor_id, event.action, event.record_type, event.record_key, event.child_id) == (
        manager.pk,
        AuditAction.CREATED,
        "worker",
        "SW010",
        "",
    )


def test_worker_with_a_staff_id_taken_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.STAFF_ID_TAKEN):
        worker_create(
            staff_id="SW001",
            given_name="Jory",
            family_name="Testpenrose",
            role=WorkerRole.SOCIAL_WORKER,
            started_on=D(2017, 9, 1),
            acting_user=manager,
        )


def test_worker_starting_in_the_future_is_refused(manager: User):
    with refused_and_nothing_written(sequence_rules.DATE_IN_FUTURE):
        worker_create(
            staff_id="SW011",
            given_name="Jory",
            family_name="Testpenrose",
            role=WorkerRole.SOCIAL_WORKER,
            started_on=TODAY + dt.timedelta(days=1),
            acting_user=manager,
        )


def test_team_is_created_and_audited_without_a_child(manager: User):
    team = team_create(
        code="CIC1",
        name="Children in care 1",
        service_area=ServiceArea.CHILDREN_IN_CARE,
        acting_user=manager,
    )
    assert (team.code, team.service_area) == ("CIC1", ServiceArea.CHILDREN_IN_CARE)
    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.record_key, event.child_id) == (
        AuditAction.CREATED,
        "team",
        "CIC1",
        "",
    )


def test_team_with_a_code_taken_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.TEAM_CODE_TAKEN):
        team_create(
            code="SAFE1",
            name="Safeguarding",
            service_area=ServiceArea.SAFEGUARDING,
            acting_user=manager,
        )


def test_social_worker_may_not_create_workers_or_teams(case: Case):
    with nothing_written(PermissionDenied):
        worker_create(
            staff_id="SW012",
            given_name="Jory",
            family_name="Testpenrose",
            role=WorkerRole.SOCIAL_WORKER,
            started_on=D(2017, 9, 1),
            acting_user=case.user,
        )
    with nothing_written(PermissionDenied):
        team_create(
            code="CIC2",
            name="Children in care 2",
            service_area=ServiceArea.CHILDREN_IN_CARE,
            acting_user=case.user,
        )


# ---- team memberships -----------------------------------------------------------------------


def test_membership_is_started_and_ended(case: Case, manager: User):
    newcomer = Worker.objects.create(
        staff_id="SW020",
        given_name="Kerensa",
        family_name="Testtrelawny",
        role=WorkerRole.SOCIAL_WORKER,
        started_on=D(2017, 1, 3),
    )
    membership = team_membership_start(
        worker=newcomer, team=case.team, started_on=D(2017, 1, 3), acting_user=manager
    )
    membership = team_membership_end(
        membership=membership, ended_on=D(2017, 8, 31), acting_user=manager
    )
    membership.refresh_from_db()
    assert membership.key.startswith("TM-")
    assert (membership.worker, membership.team) == (newcomer, case.team)
    assert (membership.started_on, membership.ended_on) == (D(2017, 1, 3), D(2017, 8, 31))
    events = list(AuditEvent.objects.order_by("pk"))
    assert [(e.action, e.record_type, e.record_key, e.child_id, e.detail) for e in events] == [
        (AuditAction.CREATED, "team_membership", membership.key, "", {}),
        (AuditAction.CHANGED, "team_membership", membership.key, "", {"fields": ["ended_on"]}),
    ]


def test_second_membership_of_the_same_team_is_refused(case: Case, manager: User):
    with refused_and_nothing_written(rules.MEMBERSHIP_ALREADY_OPEN):
        team_membership_start(
            worker=case.worker, team=case.team, started_on=D(2017, 3, 1), acting_user=manager
        )


def test_membership_before_the_worker_started_is_refused(case: Case, manager: User):
    other = team_build("SAFE3")
    assert manager.worker is not None
    TeamMembership.objects.create(
        key="TM-MGR-SAFE3", worker=manager.worker, team=other, started_on=D(2010, 4, 1)
    )
    with refused_and_nothing_written(rules.WORKER_NOT_IN_POST):
        team_membership_start(
            worker=case.worker, team=other, started_on=D(2012, 8, 31), acting_user=manager
        )


def test_membership_ended_twice_is_refused(case: Case, manager: User):
    membership = TeamMembership.objects.get(worker=case.worker)
    team_membership_end(membership=membership, ended_on=D(2017, 8, 31), acting_user=manager)
    with refused_and_nothing_written(rules.MEMBERSHIP_ALREADY_ENDED):
        team_membership_end(membership=membership, ended_on=D(2017, 9, 1), acting_user=manager)


def test_manager_of_another_team_may_not_change_its_members(case: Case):
    stranger = team_manager_create(team_build("SAFE4"), "TM003", "stranger.tm")
    assert stranger.worker is not None
    with nothing_written(PermissionDenied):
        team_membership_end(
            membership=TeamMembership.objects.get(worker=case.worker),
            ended_on=D(2017, 8, 31),
            acting_user=stranger,
        )
    with nothing_written(PermissionDenied):
        team_membership_start(
            worker=stranger.worker, team=case.team, started_on=D(2017, 3, 1), acting_user=stranger
        )

"""Two small teams, their workers, users of every role, and stored deadlines and caseloads,
built with the ORM on explicit dates: for the access rules and the My work / Team / Service /
child pages. Nothing is computed by the engine; rows are written as the refresh would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import count

from lineofsight.accounts.models import Role, User
from lineofsight.people.constants import AllocationRole, ServiceArea, WorkerRole
from lineofsight.people.models import Allocation, Child, Team, TeamMembership, Worker
from lineofsight.timescales.models import CaseloadEntry, CaseType, Deadline, Holding

TODAY = dt.date(2017, 3, 31)
PASSWORD = "a-long-test-password"
D = dt.date
ALLOCATED_FROM = D(2016, 6, 1)
_keys = count(1)


@dataclass(frozen=True, kw_only=True)
class Scenario:
    team_a: Team
    team_b: Team
    leaving_care: Team
    users: dict[str, User]
    children: dict[str, Child]

    def user(self, name: str) -> User:
        return self.users[name]

    def child(self, child_id: str) -> Child:
        return self.children[child_id]


def team_create(code: str, name: str, area: str = ServiceArea.SAFEGUARDING) -> Team:
    return Team.objects.create(code=code, name=name, service_area=area)


def worker_create(staff_id: str, given: str, family: str, role: str, *teams: Team) -> Worker:
    worker = Worker.objects.create(
        staff_id=staff_id,
        given_name=given,
        family_name=family,
        role=role,
        started_on=D(2010, 1, 1),
    )
    for team in teams:
        membership_create(worker, team, started_on=D(2015, 1, 1))
    return worker


def membership_create(
    worker: Worker, team: Team, *, started_on: dt.date, ended_on: dt.date | None = None
) -> TeamMembership:
    return TeamMembership.objects.create(
        key=f"M{next(_keys)}", worker=worker, team=team, started_on=started_on, ended_on=ended_on
    )


def user_create(username: str, role: str, worker: Worker | None = None) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, role=role, worker=worker)


def child_create(child_id: str, given: str, family: str) -> Child:
    return Child.objects.create(
        child_id=child_id,
        given_name=given,
        family_name=family,
        sex="F",
        born_on=D(2010, 5, 17),
        ethnicity="WBRI",
    )


def allocation_create(
    child: Child,
    worker: Worker | None,
    team: Team,
    role: str = AllocationRole.SOCIAL_WORKER,
    *,
    started_on: dt.date = ALLOCATED_FROM,
    ended_on: dt.date | None = None,
) -> Allocation:
    return Allocation.objects.create(
        key=f"A{next(_keys)}",
        child=child,
        worker=worker,
        team=team,
        role=role,
        started_on=started_on,
        ended_on=ended_on,
        change_reason="MANAGE" if ended_on else "",
    )


def deadline_create(
    child: Child,
    *,
    rule: str,
    due_on: dt.date,
    status: str,
    worker: Worker | None,
    team: Team | None,
    days_overdue: int = 0,
    met_on: dt.date | None = None,
    title: str = "",
    allocation_role: str = AllocationRole.SOCIAL_WORKER,
) -> Deadline:
    titles = {"T-06": "Child in need plan reviewed", "T-07": "Child in need visit"}
    return Deadline.objects.create(
        obligation_id=f"O{next(_keys)}",
        child=child,
        rule=rule,
        title=title or titles.get(rule, f"Obligation {rule}"),
        area="children_in_need",
        tag="local",
        start_kind="plan",
        start_key="P1",
        start_on=due_on - dt.timedelta(days=28),
        due_on=due_on,
        met_on=met_on,
        status=status,
        days_overdue=days_overdue,
        worker=worker,
        team=team,
        allocation_role=allocation_role if worker else "",
        computed_as_of=TODAY,
    )


def case_create(
    child: Child,
    case_type: str,
    holding: str,
    team: Team,
    worker: Worker | None = None,
    *,
    days_waiting: int | None = None,
) -> CaseloadEntry:
    waiting = holding != Holding.ALLOCATED
    return CaseloadEntry.objects.create(
        child=child,
        case_type=case_type,
        case_opened_on=D(2016, 6, 1),
        holding=holding,
        worker=worker,
        team=team,
        held_since=None if waiting else D(2016, 6, 1),
        waiting_since=TODAY - dt.timedelta(days=days_waiting or 0) if waiting else None,
        days_waiting=days_waiting if waiting else None,
        computed_as_of=TODAY,
    )


def team_scenario() -> Scenario:
    """Team A (SFSA): social worker Sam, team manager Tina, business support Bea; team B
    (SFSB): social worker Sol, manager Tom; leaving care (LCA): personal adviser Pat.

    Children, with what each is for:
      C1  Amy Able     Sam's, CIN: overdue 20 Mar, due soon 3 Apr, due 30 Jun, two met
      C2  Ben Bold     Sam's, CP: overdue 1 Mar (the most overdue), due 20 Apr
      C3  Cat Calm     Sol's in team B, looked after; IRO Ivy allocated; overdue 25 Mar
      C4  Dan Dale     team A, unallocated for 40 days; overdue 10 Mar with no worker
      C5  Eve East     team A, held by manager Tina for 12 days
      C6  Fay Ford     team A, on duty for 3 days
      C7  Gus Gale     care leaver, personal adviser Pat
      C8  Hal Hart     Sam's allocation ended on 31 January: no longer Sam's
      C9  Ian Ives     no allocation, but Sam is responsible for its open deadline
      C10 Jo Jay       no allocation; Sam was responsible for a deadline now met
    """
    team_a = team_create("SFSA", "Safeguarding Team A")
    team_b = team_create("SFSB", "Safeguarding Team B")
    leaving_care = team_create("LCA", "Leaving Care Team", ServiceArea.CARE_LEAVERS)
    sam = worker_create("SW1", "Sam", "Smith", WorkerRole.SOCIAL_WORKER, team_a)
    sol = worker_create("SW2", "Sol", "Stone", WorkerRole.SOCIAL_WORKER, team_b)
    tina = worker_create("TM1", "Tina", "Turner", WorkerRole.TEAM_MANAGER, team_a)
    tom = worker_create("TM2", "Tom", "Thumb", WorkerRole.TEAM_MANAGER, team_b)
    bea = worker_create("BS1", "Bea", "Brown", WorkerRole.BUSINESS_SUPPORT, team_a)
    hana = worker_create("HS1", "Hana", "Hill", WorkerRole.HEAD_OF_SERVICE)
    ivy = worker_create("IR1", "Ivy", "Irwin", WorkerRole.IRO)
    pat = worker_create("PA1", "Pat", "Price", WorkerRole.PERSONAL_ADVISER, leaving_care)
    fred = worker_create("SW3", "Fred", "Former", WorkerRole.SOCIAL_WORKER)
    membership_create(fred, team_a, started_on=D(2014, 1, 1), ended_on=D(2017, 1, 31))
    membership_create(tom, team_a, started_on=D(2014, 1, 1), ended_on=D(2016, 12, 31))
    users = {
        "sam": user_create("sam", Role.SOCIAL_WORKER, sam),
        "sol": user_create("sol", Role.SOCIAL_WORKER, sol),
        "tina": user_create("tina", Role.TEAM_MANAGER, tina),
        "tom": user_create("tom", Role.TEAM_MANAGER, tom),
        "bea": user_create("bea", Role.BUSINESS_SUPPORT, bea),
        "hana": user_create("hana", Role.HEAD_OF_SERVICE, hana),
        "ivy": user_create("ivy", Role.IRO, ivy),
        "pat": user_create("pat", Role.PERSONAL_ADVISER, pat),
        "fred": user_create("fred", Role.SOCIAL_WORKER, fred),
        "nobody": user_create("nobody", Role.SOCIAL_WORKER),
        "analyst": user_create("analyst", Role.PERFORMANCE_ANALYST),
        "admin": user_create("admin", Role.ADMINISTRATOR),
        "councillor": user_create("councillor", Role.ELECTED_MEMBER),
    }
    kids = {
        child_id: child_create(child_id, given, family)
        for child_id, given, family in [
            ("C1", "Amy", "Able"),
            ("C2", "Ben", "Bold"),
            ("C3", "Cat", "Calm"),
            ("C4", "Dan", "Dale"),
            ("C5", "Eve", "East"),
            ("C6", "Fay", "Ford"),
            ("C7", "Gus", "Gale"),
            ("C8", "Hal", "Hart"),
            ("C9", "Ian", "Ives"),
            ("C10", "Jo", "Jay"),
        ]
    }
    allocation_create(kids["C1"], sam, team_a)
    case_create(kids["C1"], CaseType.CIN, Holding.ALLOCATED, team_a, sam)
    deadline_create(
        kids["C1"],
        rule="T-07",
        due_on=D(2017, 3, 20),
        status="overdue",
        days_overdue=11,
        worker=sam,
        team=team_a,
    )
    deadline_create(
        kids["C1"], rule="T-06", due_on=D(2017, 4, 3), status="due_soon", worker=sam, team=team_a
    )
    deadline_create(
        kids["C1"],
        rule="T-07",
        due_on=D(2017, 6, 30),
        status="not_yet_due",
        worker=sam,
        team=team_a,
    )
    deadline_create(
        kids["C1"],
        rule="T-07",
        due_on=D(2017, 2, 20),
        status="met_on_time",
        met_on=D(2017, 2, 18),
        worker=sam,
        team=team_a,
    )
    deadline_create(
        kids["C1"],
        rule="T-06",
        due_on=D(2017, 1, 20),
        status="met_late",
        met_on=D(2017, 1, 24),
        days_overdue=4,
        worker=sam,
        team=team_a,
    )

    allocation_create(kids["C2"], sam, team_a)
    case_create(kids["C2"], CaseType.CP, Holding.ALLOCATED, team_a, sam)
    deadline_create(
        kids["C2"],
        rule="T-06",
        due_on=D(2017, 3, 1),
        status="overdue",
        days_overdue=30,
        worker=sam,
        team=team_a,
    )
    deadline_create(
        kids["C2"],
        rule="T-07",
        due_on=D(2017, 4, 20),
        status="not_yet_due",
        worker=sam,
        team=team_a,
    )

    allocation_create(kids["C3"], sol, team_b)
    allocation_create(kids["C3"], ivy, team_b, AllocationRole.IRO)
    case_create(kids["C3"], CaseType.CLA, Holding.ALLOCATED, team_b, sol)
    deadline_create(
        kids["C3"],
        rule="T-07",
        due_on=D(2017, 3, 25),
        status="overdue",
        days_overdue=6,
        worker=sol,
        team=team_b,
    )

    case_create(kids["C4"], CaseType.CIN, Holding.UNALLOCATED, team_a, days_waiting=40)
    deadline_create(
        kids["C4"],
        rule="T-07",
        due_on=D(2017, 3, 10),
        status="overdue",
        days_overdue=21,
        worker=None,
        team=team_a,
    )

    allocation_create(
        kids["C5"], tina, team_a, AllocationRole.HELD_BY_MANAGER, started_on=D(2017, 3, 19)
    )
    case_create(kids["C5"], CaseType.CP, Holding.HELD_BY_MANAGER, team_a, tina, days_waiting=12)
    deadline_create(
        kids["C5"],
        rule="T-06",
        due_on=D(2017, 4, 10),
        status="not_yet_due",
        worker=tina,
        team=team_a,
        allocation_role="held_by_manager",
    )

    allocation_create(kids["C6"], None, team_a, AllocationRole.DUTY, started_on=D(2017, 3, 28))
    case_create(kids["C6"], CaseType.CIN, Holding.DUTY, team_a, days_waiting=3)

    allocation_create(kids["C7"], pat, leaving_care, AllocationRole.PERSONAL_ADVISER)
    case_create(kids["C7"], CaseType.CARE_LEAVER, Holding.ALLOCATED, leaving_care, pat)

    allocation_create(kids["C8"], sam, team_a, started_on=D(2016, 1, 1), ended_on=D(2017, 1, 31))

    deadline_create(
        kids["C9"], rule="T-07", due_on=D(2017, 4, 2), status="due_soon", worker=sam, team=team_b
    )

    deadline_create(
        kids["C10"],
        rule="T-07",
        due_on=D(2017, 2, 1),
        status="met_on_time",
        met_on=D(2017, 1, 30),
        worker=sam,
        team=team_b,
    )
    return Scenario(
        team_a=team_a, team_b=team_b, leaving_care=leaving_care, users=users, children=kids
    )

"""Reads for timescales: the council's configuration for the engine, and the pages built on the
stored deadlines and caseloads (My work, Team, Service, the child's timeline), each checked
against `accounts.access` for the viewer."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404

from lineofsight.accounts.access import (
    child_get_for_viewer,
    child_ids_restricted_from,
    current_on,
    my_work_allowed,
    service_overview_allowed,
    team_pages_allowed,
    teams_visible_to,
    timescale_settings_change_allowed,
)
from lineofsight.accounts.models import Role, User
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.core.selectors import council_today
from lineofsight.people.constants import AllocationRole
from lineofsight.people.models import Allocation, Child, Team, TeamMembership, Worker
from lineofsight.timescales.config import timescale_config
from lineofsight.timescales.domain.calendar import add_calendar_months
from lineofsight.timescales.domain.rules import TIMESCALES
from lineofsight.timescales.domain.timescale import Timescale
from lineofsight.timescales.models import (
    OPEN_STATUSES,
    CaseloadEntry,
    CaseType,
    ClosureDay,
    Deadline,
    DeadlineStatus,
    Holding,
    LocalStandardSetting,
)


def deadlines_current(*, as_of: dt.date | None = None) -> bool:
    """Whether the stored deadlines were computed for `as_of` (default: today) after the last
    bulk load of journey records. Holds no personal data, so it takes no `viewer`."""
    as_of = as_of or council_today()
    refreshed = AuditEvent.objects.filter(record_type="deadlines").order_by("-occurred_at").first()
    if refreshed is None or not CaseloadEntry.objects.filter(computed_as_of=as_of).exists():
        return False
    return not AuditEvent.objects.filter(
        action=AuditAction.LOADED, occurred_at__gt=refreshed.occurred_at
    ).exists()


# --- Pages: My work, Team, Service, the child's timeline, the rule list -------------------------

# My work lists what is overdue and what falls due within this many days (all open ones on ask).
MY_WORK_SOON_DAYS = 28
# The Service page's on-time rate looks back this many calendar months from the computed date.
SERVICE_LOOKBACK_MONTHS = 3
# Statuses of a deadline whose due date has passed: met, met late, missed or still overdue.
PAST_DUE_STATUSES = (
    DeadlineStatus.MET_ON_TIME,
    DeadlineStatus.MET_LATE,
    DeadlineStatus.MISSED,
    DeadlineStatus.OVERDUE,
)
WAITING_HOLDINGS = (Holding.UNALLOCATED, Holding.HELD_BY_MANAGER, Holding.DUTY)


def deadlines_version() -> tuple[dt.date | None, str]:
    """The date the stored deadlines and caseloads were computed for (None before the first
    `lineofsight deadlines-refresh`), and a key that changes whenever rows are replaced: a whole
    refresh replaces every row, a child's recalculation after a journey write replaces that
    child's, and row IDs are never reused, so the first or the last ID moves. Read from the
    deadlines (the caseloads only when there are none), so a cached page costs two queries."""
    for model in (Deadline, CaseloadEntry):
        first = model.objects.order_by("pk").values_list("pk", "computed_as_of").first()
        if first is not None:
            pk, computed_on = first
            last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
            return computed_on, f"{model._meta.model_name}-{pk}-{last}-{computed_on:%Y%m%d}"
    return None, "none"


def deadlines_computed_on() -> dt.date | None:
    """The date the stored deadlines and caseloads were computed for; None before the first
    `lineofsight deadlines-refresh`."""
    return deadlines_version()[0]


def _overdue_first() -> Case:
    return Case(When(status=DeadlineStatus.OVERDUE, then=Value(0)), default=Value(1))


# Lists of a few hundred rows (a Team page) are read as plain rows, not model instances: it is
# several times quicker, and the pages need only these columns.


@dataclass(frozen=True, slots=True)
class WorkerRef:
    pk: int
    staff_id: str
    given_name: str
    family_name: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


def _worker_ref(pk: int | None, staff_id: str, given: str, family: str) -> WorkerRef | None:
    return None if pk is None else WorkerRef(pk, staff_id, given, family)


def display_name(given: str, family: str, child_id: str) -> str:
    """A child's name, or "Child <id>" for a record (from a return) that carries none."""
    return f"{given} {family}".strip() or f"Child {child_id}"


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """One open deadline in a list (My work, Team)."""

    child_id: str
    child_given_name: str
    child_family_name: str
    worker: WorkerRef | None
    rule: str
    title: str
    start_on: dt.date
    due_on: dt.date
    status: str
    days_overdue: int
    allocation_role: str

    @property
    def child_name(self) -> str:
        return display_name(self.child_given_name, self.child_family_name, self.child_id)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def is_overdue(self) -> bool:
        return self.status == DeadlineStatus.OVERDUE


DEADLINE_ROW_FIELDS = (
    "child__child_id",
    "child__given_name",
    "child__family_name",
    "worker_id",
    "worker__staff_id",
    "worker__given_name",
    "worker__family_name",
    "rule",
    "title",
    "start_on",
    "due_on",
    "status",
    "days_overdue",
    "allocation_role",
)
STATUS_LABELS: dict[str, str] = dict(DeadlineStatus.choices)


def _deadline_rows(deadlines: QuerySet[Deadline]) -> list[DeadlineRow]:
    """Overdue first (the most overdue first), then the soonest due."""
    ordered = deadlines.order_by(
        _overdue_first(), "due_on", "child__family_name", "child__given_name", "rule", "pk"
    )
    return [
        DeadlineRow(
            child_id,
            given,
            family,
            _worker_ref(worker_pk, staff_id, worker_given, worker_family),
            *rest,
        )
        for (
            child_id,
            given,
            family,
            worker_pk,
            staff_id,
            worker_given,
            worker_family,
            *rest,
        ) in ordered.values_list(*DEADLINE_ROW_FIELDS)
    ]


@dataclass(frozen=True)
class MyWork:
    worker: Worker | None
    computed_on: dt.date | None
    soon_days: int | None
    deadlines: list[DeadlineRow]

    @property
    def overdue(self) -> int:
        return sum(deadline.is_overdue for deadline in self.deadlines)


# Looked-after reviews, which the child's independent reviewing officer chairs.
IRO_CHAIRED_RULES = tuple(rule.code for rule in TIMESCALES if rule.chaired_by == "iro")


def my_work_list(*, viewer: User, soon_days: int | None = MY_WORK_SOON_DAYS) -> MyWork:
    """The viewer's own open deadlines (they are the responsible worker, or, for an IRO, the
    looked-after reviews of the children allocated to them): overdue first, most
    overdue first, then soonest due. With `soon_days`, only those overdue or due within that
    many days of the computed date; with None, every open one."""
    if not my_work_allowed(viewer):
        raise PermissionDenied("My work is for people who hold cases")
    computed_on = deadlines_computed_on()
    worker = viewer.worker
    if worker is None or computed_on is None:
        return MyWork(worker=worker, computed_on=computed_on, soon_days=soon_days, deadlines=[])
    mine = Q(worker=worker)
    if viewer.role == Role.IRO:
        # An IRO chairs the looked-after reviews of the children allocated to them.
        chaired = Allocation.objects.filter(
            current_on(council_today()), worker=worker, role=AllocationRole.IRO
        )
        mine |= Q(rule__in=IRO_CHAIRED_RULES, child__in=chaired.values("child_id"))
    deadlines = Deadline.objects.filter(mine, status__in=OPEN_STATUSES).exclude(
        child__child_id__in=child_ids_restricted_from(viewer)
    )
    if soon_days is not None:
        deadlines = deadlines.filter(
            Q(status=DeadlineStatus.OVERDUE)
            | Q(due_on__lte=computed_on + dt.timedelta(days=soon_days))
        )
    return MyWork(
        worker=worker,
        computed_on=computed_on,
        soon_days=soon_days,
        deadlines=_deadline_rows(deadlines),
    )


@dataclass(frozen=True)
class TeamSummary:
    team: Team
    open_cases: int
    overdue: int


@dataclass(frozen=True)
class TeamsList:
    computed_on: dt.date | None
    teams: list[TeamSummary]


def teams_list(*, viewer: User) -> TeamsList:
    """The teams the viewer may open, with each one's open cases and overdue deadlines."""
    if not team_pages_allowed(viewer):
        raise PermissionDenied("Team pages are for team members and managers")
    teams = list(teams_visible_to(viewer).order_by("name", "code"))
    ids = [team.pk for team in teams]
    cases = dict(
        CaseloadEntry.objects.filter(team__in=ids)
        .values("team")
        .annotate(n=Count("pk"))
        .values_list("team", "n")
    )
    overdue = dict(
        Deadline.objects.filter(team__in=ids, status=DeadlineStatus.OVERDUE)
        .values("team")
        .annotate(n=Count("pk"))
        .values_list("team", "n")
    )
    return TeamsList(
        computed_on=deadlines_computed_on(),
        teams=[
            TeamSummary(
                team=team, open_cases=cases.get(team.pk, 0), overdue=overdue.get(team.pk, 0)
            )
            for team in teams
        ],
    )


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One child's open case in a team's list of children waiting for a worker."""

    child_id: str
    child_given_name: str
    child_family_name: str
    case_type: str
    holding: str
    worker: WorkerRef | None
    waiting_since: dt.date | None
    days_waiting: int | None

    @property
    def child_name(self) -> str:
        return display_name(self.child_given_name, self.child_family_name, self.child_id)

    @property
    def case_type_label(self) -> str:
        return CASE_TYPE_LABELS.get(self.case_type, self.case_type)

    @property
    def holding_label(self) -> str:
        return HOLDING_LABELS.get(self.holding, self.holding)


CASE_TYPE_LABELS: dict[str, str] = dict(CaseType.choices)
HOLDING_LABELS: dict[str, str] = dict(Holding.choices)
CASE_ROW_FIELDS = (
    "child__child_id",
    "child__given_name",
    "child__family_name",
    "case_type",
    "holding",
    "worker_id",
    "worker__staff_id",
    "worker__given_name",
    "worker__family_name",
    "waiting_since",
    "days_waiting",
)


def _case_rows(cases: QuerySet[CaseloadEntry]) -> list[CaseRow]:
    return [
        CaseRow(
            child_id,
            given,
            family,
            case_type,
            holding,
            _worker_ref(worker_pk, staff_id, worker_given, worker_family),
            waiting_since,
            days_waiting,
        )
        for (
            child_id,
            given,
            family,
            case_type,
            holding,
            worker_pk,
            staff_id,
            worker_given,
            worker_family,
            waiting_since,
            days_waiting,
        ) in cases.values_list(*CASE_ROW_FIELDS)
    ]


@dataclass(frozen=True)
class WorkerDeadlines:
    """One worker's open deadlines in a team (worker None: duty, unallocated or unknown)."""

    worker: WorkerRef | None
    deadlines: list[DeadlineRow]

    @property
    def overdue(self) -> int:
        return sum(deadline.is_overdue for deadline in self.deadlines)


@dataclass(frozen=True)
class WorkerCaseload:
    """How many allocated open cases of each kind one worker holds in a team."""

    worker: WorkerRef
    cin: int = 0
    cp: int = 0
    cla: int = 0
    care_leaver: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.cin + self.cp + self.cla + self.care_leaver


@dataclass(frozen=True)
class ChildRow:
    """One child of a team, with what is overdue and what is due next."""

    case: CaseRow
    open_deadlines: int
    overdue: int
    most_overdue: DeadlineRow | None
    next_due: DeadlineRow | None

    @property
    def child_id(self) -> str:
        return self.case.child_id

    @property
    def sort_key(self) -> tuple[int, int, dt.date, str]:
        """Overdue first (the most overdue deadlines first), then the soonest due."""
        worst = self.most_overdue.days_overdue if self.most_overdue else 0
        due = self.next_due.due_on if self.next_due else dt.date.max
        return (-self.overdue, -worst, due, self.case.child_id)


@dataclass(frozen=True)
class WorkerChildren:
    """The children one worker holds in a team (worker None: nobody allocated)."""

    worker: WorkerRef | None
    children: list[ChildRow]

    @property
    def overdue(self) -> int:
        return sum(child.overdue for child in self.children)


@dataclass(frozen=True)
class TeamLists:
    """What a Team page lists: open deadlines worker by worker, caseloads, cases waiting."""

    by_worker: list[WorkerDeadlines]
    children_by_worker: list[WorkerChildren]
    caseloads: list[WorkerCaseload]
    waiting: list[CaseRow]
    open_cases: int

    @property
    def children(self) -> list[ChildRow]:
        """Every child of the team, in the page's order (worker by worker, overdue first)."""
        return [child for group in self.children_by_worker for child in group.children]

    @property
    def deadlines(self) -> list[DeadlineRow]:
        """Every open deadline, in the page's order (worker by worker, overdue first)."""
        return [deadline for group in self.by_worker for deadline in group.deadlines]

    @property
    def overdue(self) -> int:
        return sum(group.overdue for group in self.by_worker)

    def waiting_count(self, holding: str) -> int:
        return sum(case.holding == holding for case in self.waiting)

    @property
    def unallocated(self) -> int:
        return self.waiting_count(Holding.UNALLOCATED)

    @property
    def held_by_manager(self) -> int:
        return self.waiting_count(Holding.HELD_BY_MANAGER)

    @property
    def duty(self) -> int:
        return self.waiting_count(Holding.DUTY)


class TeamOverview:
    """A team the viewer may see, and its lists (`lists`), read on first use.

    `version` changes whenever the stored deadlines are recomputed, so a page may cache what it
    renders from `lists` under the team, the version and `hidden_key`, and a cached page reads
    no rows. `hidden` are the restricted children the viewer is not named for: left out of
    every list, so two viewers share a cached page only when they are hidden the same children.
    """

    def __init__(
        self,
        *,
        team: Team,
        computed_on: dt.date | None,
        version: str,
        hidden: tuple[str, ...] = (),
    ) -> None:
        self.team = team
        self.computed_on = computed_on
        self.version = version
        self.hidden = hidden

    @property
    def hidden_key(self) -> str:
        if not self.hidden:
            return ""
        return hashlib.sha256("|".join(self.hidden).encode()).hexdigest()[:16]

    @cached_property
    def lists(self) -> TeamLists:
        return _team_lists(self.team, self.hidden)


def _worker_sort_key(worker: WorkerRef | None) -> tuple[bool, str, str]:
    if worker is None:
        return (True, "", "")
    return (False, worker.family_name, worker.given_name)


def team_overview(*, viewer: User, team_code: str) -> TeamOverview:
    """A team's open deadlines worker by worker (the workers with most overdue first; within
    a worker, overdue first, then soonest), each worker's caseload by kind of case, and the
    children unallocated, held by a manager or on duty, longest waiting first.

    Raises Http404 for an unknown team and PermissionDenied for one the viewer may not see.
    The lists take the same four queries whatever the team's size."""
    team = teams_visible_to(viewer).filter(code=team_code).first()
    if team is None:
        if not Team.objects.filter(code=team_code).exists():
            raise Http404("No team has that code")
        raise PermissionDenied("You can only see the teams you belong to")
    computed_on, version = deadlines_version()
    hidden = tuple(sorted(child_ids_restricted_from(viewer)))
    return TeamOverview(team=team, computed_on=computed_on, version=version, hidden=hidden)


def _team_lists(team: Team, hidden: tuple[str, ...] = ()) -> TeamLists:
    groups: dict[int | None, list[DeadlineRow]] = {}
    open_deadlines = Deadline.objects.filter(team=team, status__in=OPEN_STATUSES).exclude(
        child__child_id__in=hidden
    )
    for deadline in _deadline_rows(open_deadlines):
        groups.setdefault(deadline.worker.pk if deadline.worker else None, []).append(deadline)
    by_worker = sorted(
        (WorkerDeadlines(worker=rows[0].worker, deadlines=rows) for rows in groups.values()),
        key=lambda group: (-group.overdue, *_worker_sort_key(group.worker)),
    )
    cases = _case_rows(CaseloadEntry.objects.filter(team=team).exclude(child__child_id__in=hidden))
    current = TeamMembership.objects.filter(current_on(council_today()), team=team)
    members = [
        WorkerRef(*worker)
        for worker in Worker.objects.filter(pk__in=current.values("worker_id")).values_list(
            "pk", "staff_id", "given_name", "family_name"
        )
    ]
    return TeamLists(
        by_worker=by_worker,
        children_by_worker=_children_by_worker(cases, by_worker),
        caseloads=_caseloads(members, cases, by_worker),
        waiting=sorted(
            (case for case in cases if case.holding in WAITING_HOLDINGS),
            key=lambda case: (-(case.days_waiting or 0), case.child_id),
        ),
        open_cases=len(cases),
    )


def _children_by_worker(
    cases: list[CaseRow], by_worker: list[WorkerDeadlines]
) -> list[WorkerChildren]:
    """Every child with an open case in the team, grouped by the worker who holds it (a
    manager or duty holding, or nobody, under "no allocated worker"); within a worker the
    children with overdue deadlines first; workers with most overdue first."""
    deadlines: dict[str, list[DeadlineRow]] = defaultdict(list)
    for group in by_worker:
        for deadline in group.deadlines:
            deadlines[deadline.child_id].append(deadline)
    groups: dict[int | None, tuple[WorkerRef | None, list[ChildRow]]] = {}
    for case in cases:
        held = case.worker if case.holding == Holding.ALLOCATED else None
        own = deadlines.get(case.child_id, [])
        overdue = [deadline for deadline in own if deadline.is_overdue]
        upcoming = [deadline for deadline in own if not deadline.is_overdue]
        row = ChildRow(
            case=case,
            open_deadlines=len(own),
            overdue=len(overdue),
            most_overdue=max(overdue, key=lambda d: d.days_overdue, default=None),
            next_due=min(upcoming, key=lambda d: d.due_on, default=None),
        )
        groups.setdefault(held.pk if held else None, (held, []))[1].append(row)
    result = [
        WorkerChildren(worker=worker, children=sorted(rows, key=lambda row: row.sort_key))
        for worker, rows in groups.values()
    ]
    return sorted(result, key=lambda group: (-group.overdue, *_worker_sort_key(group.worker)))


def _caseloads(
    members: list[WorkerRef], cases: list[CaseRow], by_worker: list[WorkerDeadlines]
) -> list[WorkerCaseload]:
    """Every current member and every worker holding one of the team's cases."""
    workers = {worker.pk: worker for worker in members}
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for case in cases:
        if case.holding == Holding.ALLOCATED and case.worker is not None:
            workers.setdefault(case.worker.pk, case.worker)
            counts[case.worker.pk][case.case_type] += 1
    overdue = {group.worker.pk: group.overdue for group in by_worker if group.worker is not None}
    return [
        WorkerCaseload(
            worker=worker,
            cin=counts[worker.pk][CaseType.CIN],
            cp=counts[worker.pk][CaseType.CP],
            cla=counts[worker.pk][CaseType.CLA],
            care_leaver=counts[worker.pk][CaseType.CARE_LEAVER],
            overdue=overdue.get(worker.pk, 0),
        )
        for worker in sorted(workers.values(), key=_worker_sort_key)
    ]


@dataclass
class TeamFigures:
    """One team's row on the Service page (team None: records with no team, or the total)."""

    team: Team | None
    is_total: bool = False
    cin: int = 0
    cp: int = 0
    cla: int = 0
    care_leaver: int = 0
    unallocated: int = 0
    held_by_manager: int = 0
    duty: int = 0
    overdue: int = 0
    due_recently: int = 0
    met_on_time_recently: int = 0

    @property
    def open_cases(self) -> int:
        return self.cin + self.cp + self.cla + self.care_leaver

    @property
    def met_on_time_percent(self) -> int | None:
        if not self.due_recently:
            return None
        return round(100 * self.met_on_time_recently / self.due_recently)

    def count_cases(self, case_type: str, holding: str, n: int) -> None:
        """Add `n` open cases of one kind (`cin`, `cp`, …) and holding to the row."""
        setattr(self, case_type, getattr(self, case_type) + n)
        if holding in WAITING_HOLDINGS:
            setattr(self, holding, getattr(self, holding) + n)

    def add(self, other: TeamFigures) -> None:
        for name in TEAM_FIGURES_COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


TEAM_FIGURES_COUNTS = (
    "cin",
    "cp",
    "cla",
    "care_leaver",
    "unallocated",
    "held_by_manager",
    "duty",
    "overdue",
    "due_recently",
    "met_on_time_recently",
)


@dataclass(frozen=True)
class ServiceOverview:
    computed_on: dt.date | None
    recent_from: dt.date | None
    teams: list[TeamFigures]
    total: TeamFigures


def service_overview(*, viewer: User) -> ServiceOverview:
    """Every team with open cases or recent deadlines, side by side: open cases by kind, the
    cases waiting for a worker, overdue deadlines, and the share of deadlines due in the last
    three months (up to the computed date) that were met on time. Four grouped queries."""
    if not service_overview_allowed(viewer):
        raise PermissionDenied("The Service page is for heads of service")
    computed_on = deadlines_computed_on()
    figures: dict[int | None, TeamFigures] = {}

    def row(team_id: int | None) -> TeamFigures:
        return figures.setdefault(team_id, TeamFigures(team=None))

    cases = CaseloadEntry.objects.values("team", "case_type", "holding").annotate(n=Count("pk"))
    for case in cases:
        row(case["team"]).count_cases(case["case_type"], case["holding"], case["n"])
    overdue = (
        Deadline.objects.filter(status=DeadlineStatus.OVERDUE)
        .values("team")
        .annotate(n=Count("pk"))
    )
    for late in overdue:
        row(late["team"]).overdue = late["n"]
    recent_from = None
    if computed_on is not None:
        recent_from = add_calendar_months(computed_on, -SERVICE_LOOKBACK_MONTHS)
        recent = (
            Deadline.objects.filter(
                status__in=PAST_DUE_STATUSES, due_on__gte=recent_from, due_on__lt=computed_on
            )
            .values("team", "status")
            .annotate(n=Count("pk"))
        )
        for due in recent:
            figures_row = row(due["team"])
            figures_row.due_recently += due["n"]
            if due["status"] == DeadlineStatus.MET_ON_TIME:
                figures_row.met_on_time_recently += due["n"]
    teams = Team.objects.in_bulk([team_id for team_id in figures if team_id is not None])
    for team_id, figures_row in figures.items():
        figures_row.team = teams.get(team_id) if team_id is not None else None
    ordered = sorted(
        figures.values(),
        key=lambda figures_row: (
            figures_row.team is None,
            figures_row.team.name if figures_row.team else "",
            figures_row.team.code if figures_row.team else "",
        ),
    )
    total = TeamFigures(team=None, is_total=True)
    for figures_row in ordered:
        total.add(figures_row)
    return ServiceOverview(
        computed_on=computed_on, recent_from=recent_from, teams=ordered, total=total
    )


# The record page lists the child's open deadlines and those due in the year before the
# computed date; a child long in care has a hundred more, and the download has every one.
TIMELINE_RECENT_DAYS = 365


def _recent(computed_on: dt.date | None) -> Q:
    if computed_on is None:
        return Q()
    since = computed_on - dt.timedelta(days=TIMELINE_RECENT_DAYS)
    return Q(status__in=OPEN_STATUSES) | Q(due_on__gt=since)


def _child_timeline(child: Child, only: Q | None = None) -> list[Deadline]:
    return list(
        Deadline.objects.filter(child=child)
        .filter(only or Q())
        .select_related("worker", "team")
        .order_by("-due_on", "-start_on", "rule", "-pk")
    )


def child_deadlines_list(*, viewer: User, child_id: str) -> list[Deadline]:
    """The child's timeline: every deadline, newest due first, met or not (audited as a view
    of the child's record)."""
    child = child_get_for_viewer(viewer, child_id)
    return _child_timeline(child)


@dataclass(frozen=True)
class ChildRecord:
    child: Child
    case: CaseloadEntry | None
    allocations: list[Allocation]
    computed_on: dt.date | None
    deadlines: list[Deadline]  # open, or due in the last TIMELINE_RECENT_DAYS
    older: int = 0  # met or missed before that: in the download only

    @property
    def overdue(self) -> int:
        return sum(deadline.status == DeadlineStatus.OVERDUE for deadline in self.deadlines)


def child_record_get(*, viewer: User, child_id: str) -> ChildRecord:
    """What the child's record page shows: who the child is, its open case and who holds it,
    its current allocations and its timeline of deadlines (audited as a view)."""
    child = child_get_for_viewer(viewer, child_id)
    case = CaseloadEntry.objects.select_related("worker", "team").filter(child=child).first()
    allocations = list(
        Allocation.objects.filter(current_on(council_today()), child=child)
        .select_related("worker", "team")
        .order_by("role", "started_on")
    )
    computed_on = deadlines_computed_on()
    recent = _recent(computed_on)
    return ChildRecord(
        child=child,
        case=case,
        allocations=allocations,
        computed_on=computed_on,
        deadlines=_child_timeline(child, recent),
        older=Deadline.objects.filter(child=child).exclude(recent).count() if recent else 0,
    )


@dataclass(frozen=True)
class RuleRow:
    rule: Timescale
    council_rule_text: str  # the rule as this council runs it (a local standard may differ)

    @property
    def changed_locally(self) -> bool:
        return self.council_rule_text != self.rule.rule_text()


@dataclass(frozen=True)
class TimescaleSettings:
    rules: list[RuleRow]
    local_standards: list[LocalStandardSetting]
    closure_days: list[ClosureDay]
    local_rules: list[Timescale]
    can_change: bool


def timescale_settings_get(*, viewer: User) -> TimescaleSettings:
    """Every timescale rule, the council's local standards and closure days. Holds no personal
    data: anyone signed in may read it; only administrators may change it."""
    if not (viewer.is_authenticated and viewer.is_active):
        raise PermissionDenied("Sign in to see the timescale rules")
    config = timescale_config()
    rules = [
        RuleRow(
            rule=rule,
            council_rule_text=config.apply(rule).rule_text() if rule.is_local else rule.rule_text(),
        )
        for rule in TIMESCALES
    ]
    return TimescaleSettings(
        rules=rules,
        local_standards=list(
            LocalStandardSetting.objects.select_related("changed_by").order_by("rule")
        ),
        closure_days=list(ClosureDay.objects.select_related("created_by").order_by("on")),
        local_rules=[rule for rule in TIMESCALES if rule.is_local and rule.tracked],
        can_change=timescale_settings_change_allowed(viewer),
    )

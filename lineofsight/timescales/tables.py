"""The columns of each timescales list as a download (the pages show the same rows)."""

from __future__ import annotations

from lineofsight.frontend.downloads import Column
from lineofsight.people.models import Worker
from lineofsight.timescales.models import Deadline, DeadlineStatus
from lineofsight.timescales.selectors import (
    CaseRow,
    ChildRow,
    DeadlineRow,
    RuleRow,
    TeamFigures,
    TeamSummary,
    WorkerCaseload,
    WorkerRef,
)

# Statuses whose `days_overdue` means something: days past due, or by which it was met late.
LATE_STATUSES = (DeadlineStatus.OVERDUE, DeadlineStatus.MET_LATE, DeadlineStatus.MISSED)


def worker_name(worker: Worker | WorkerRef | None) -> str:
    return f"{worker.given_name} {worker.family_name}" if worker is not None else ""


def days_late(deadline: Deadline | DeadlineRow) -> int | None:
    return deadline.days_overdue if deadline.status in LATE_STATUSES else None


def status_label(deadline: Deadline | DeadlineRow) -> str:
    return STATUS_LABELS.get(deadline.status, deadline.status)


STATUS_LABELS: dict[str, str] = dict(DeadlineStatus.choices)

OPEN_DEADLINE_COLUMNS: tuple[Column[DeadlineRow], ...] = (
    Column("Child ID", lambda d: d.child_id),
    Column("Child", lambda d: d.child_name),
    Column("Timescale", lambda d: d.rule),
    Column("Obligation", lambda d: d.title),
    Column("Clock started", lambda d: d.start_on),
    Column("Due", lambda d: d.due_on),
    Column("Status", status_label),
    Column("Days overdue", days_late),
)

MY_WORK_COLUMNS = OPEN_DEADLINE_COLUMNS

TEAM_DEADLINE_COLUMNS: tuple[Column[DeadlineRow], ...] = (
    Column("Worker", lambda d: worker_name(d.worker) or "No named worker"),
    Column("Staff ID", lambda d: d.worker.staff_id if d.worker else ""),
    *OPEN_DEADLINE_COLUMNS,
    Column("Held as", lambda d: d.allocation_role.replace("_", " ")),
)

CASELOAD_COLUMNS: tuple[Column[WorkerCaseload], ...] = (
    Column("Worker", lambda c: worker_name(c.worker)),
    Column("Staff ID", lambda c: c.worker.staff_id),
    Column("Child in need", lambda c: c.cin),
    Column("Child protection", lambda c: c.cp),
    Column("Looked after", lambda c: c.cla),
    Column("Care leaver", lambda c: c.care_leaver),
    Column("Total", lambda c: c.total),
    Column("Overdue deadlines", lambda c: c.overdue),
)

WAITING_COLUMNS: tuple[Column[CaseRow], ...] = (
    Column("Child ID", lambda c: c.child_id),
    Column("Child", lambda c: c.child_name),
    Column("Case", lambda c: c.case_type_label),
    Column("Held", lambda c: c.holding_label),
    Column("Held by", lambda c: worker_name(c.worker)),
    Column("Waiting since", lambda c: c.waiting_since),
    Column("Days waiting", lambda c: c.days_waiting),
)

TEAM_CHILDREN_COLUMNS: tuple[Column[ChildRow], ...] = (
    Column("Worker", lambda c: worker_name(c.case.worker) or "No allocated worker"),
    Column("Child ID", lambda c: c.child_id),
    Column("Child", lambda c: c.case.child_name),
    Column("Case", lambda c: c.case.case_type_label),
    Column("Held", lambda c: c.case.holding_label),
    Column("Open deadlines", lambda c: c.open_deadlines),
    Column("Overdue", lambda c: c.overdue),
    Column("Most overdue", lambda c: c.most_overdue.title if c.most_overdue else ""),
    Column("Days overdue", lambda c: c.most_overdue.days_overdue if c.most_overdue else None),
    Column("Next due", lambda c: c.next_due.title if c.next_due else ""),
    Column("Next due on", lambda c: c.next_due.due_on if c.next_due else None),
)

TEAMS_COLUMNS: tuple[Column[TeamSummary], ...] = (
    Column("Team code", lambda t: t.team.code),
    Column("Team", lambda t: t.team.name),
    Column("Service area", lambda t: t.team.get_service_area_display()),
    Column("Open cases", lambda t: t.open_cases),
    Column("Overdue deadlines", lambda t: t.overdue),
)


def service_row_label(figures: TeamFigures) -> str:
    if figures.is_total:
        return "All teams"
    return figures.team.name if figures.team else "No team recorded"


SERVICE_COLUMNS: tuple[Column[TeamFigures], ...] = (
    Column("Team code", lambda f: f.team.code if f.team else ""),
    Column("Team", service_row_label),
    Column("Child in need", lambda f: f.cin),
    Column("Child protection", lambda f: f.cp),
    Column("Looked after", lambda f: f.cla),
    Column("Care leaver", lambda f: f.care_leaver),
    Column("Open cases", lambda f: f.open_cases),
    Column("Unallocated", lambda f: f.unallocated),
    Column("Held by a manager", lambda f: f.held_by_manager),
    Column("On duty", lambda f: f.duty),
    Column("Overdue deadlines", lambda f: f.overdue),
    Column("Deadlines due in the last 3 months", lambda f: f.due_recently),
    Column("Met on time", lambda f: f.met_on_time_recently),
    Column("Met on time (%)", lambda f: f.met_on_time_percent),
)

TIMELINE_COLUMNS: tuple[Column[Deadline], ...] = (
    Column("Timescale", lambda d: d.rule),
    Column("Obligation", lambda d: d.title),
    Column("Clock started", lambda d: d.start_on),
    Column("Due", lambda d: d.due_on),
    Column("Met on", lambda d: d.met_on),
    Column("Status", status_label),
    Column("Days overdue or late", days_late),
    Column("Responsible worker", lambda d: worker_name(d.worker)),
    Column("Team", lambda d: d.team.name if d.team else ""),
)

RULE_COLUMNS: tuple[Column[RuleRow], ...] = (
    Column("Code", lambda r: r.rule.code),
    Column("Timescale", lambda r: r.rule.title),
    Column("Area", lambda r: r.rule.area.replace("_", " ").capitalize()),
    Column("Starts from", lambda r: r.rule.starts_from),
    Column("Met by", lambda r: r.rule.met_by),
    Column("Rule", lambda r: r.rule.rule_text()),
    Column("This council's rule", lambda r: r.council_rule_text),
    Column("Tag", lambda r: r.rule.tag.value),
    Column("Source", lambda r: r.rule.source),
    Column("Tracked", lambda r: "Yes" if r.rule.tracked else "No"),
    Column("Why not tracked", lambda r: r.rule.not_tracked_because),
)

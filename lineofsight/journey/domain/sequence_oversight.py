"""Rules for management oversight and for who holds a child: case notes, decisions,
supervision, case audits, allocations and team memberships.

Pure Python over plain values, like `sequence`: each rule returns None when the record can be
made and raises `SequenceError` with one of the messages below when not.

A case note is never edited: an amendment is a new note pointing at the one it amends, and
only the latest version of a note can be amended, so its history is one line. An allocation
open on a day ends that day when another in the same role starts (the access rules count an
allocation as current up to the day before its end), so there is no gap and no overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from lineofsight.journey.domain.sequence import END_BEFORE_START, Period, SequenceError

RATIONALE_REQUIRED = (
    "A decision needs its rationale: record why it was made. Inspectors look for decisions "
    "without a recorded rationale."
)
DECISION_TEXT_REQUIRED = "Record the decision that was made."
ACTIONS_DUE_WITHOUT_ACTIONS = "A due date is for actions: record the actions, or leave it out."
ACTIONS_DUE_BEFORE_SET = "The actions are due before the day they were set."
DECISION_NOT_ON_SUPERVISION_DAY = (
    "A decision made in supervision is dated the day the supervision was held."
)
CHILD_NOT_DISCUSSED = (
    "The child was not discussed in that supervision: add them to it, or record the decision "
    "without it."
)
SUPERVISOR_IS_WORKER = "A worker cannot supervise themselves."
CHILD_DISCUSSED_TWICE = "The same child is listed twice among the children discussed."
NEXT_SUPERVISION_NOT_AFTER = "The next supervision is due after this one was held."
WORKER_NOT_IN_POST = "The worker was not working for the service on that date."
CASE_NOTE_TEXT_REQUIRED = "A case note needs its text."
AMENDMENT_BEFORE_NOTE = "An amendment is written after the note it amends."
NOTE_ALREADY_AMENDED = (
    "The note has already been amended: amend its latest amendment, so the note's history "
    "stays in one line."
)
AUDIT_GRADE_UNKNOWN = (
    "The grade is not one of outstanding, good, requires improvement or inadequate."
)
ALLOCATION_NEEDS_WORKER = (
    "Name the worker: only a case held on duty or by a manager has no named worker."
)
ALLOCATION_OVERLAPS = (
    "The child has another allocation in that role on or after that date: a new allocation "
    "starts after the others, and ends only the one still open."
)
CHANGE_REASON_REQUIRED = "Record why the child's social worker is changing."
WORKER_NOT_IN_TEAM = "The worker is not a member of that team on that date."
ALLOCATION_ALREADY_ENDED = "The allocation has already ended."
MEMBERSHIP_ALREADY_OPEN = "The worker is already a member of that team on that date."
MEMBERSHIP_ALREADY_ENDED = "The team membership has already ended."
STAFF_ID_TAKEN = "Another worker already has that staff ID."
TEAM_CODE_TAKEN = "Another team already has that code."
FTE_OUT_OF_RANGE = "The full-time equivalent is more than 0 and at most 1."
NAME_REQUIRED = "Record the name."


def _blank(text: str) -> bool:
    return not text.strip()


def check_decision(*, decision: str, rationale: str) -> None:
    """A decision records what was decided and why (the why is what inspectors find missing)."""
    if _blank(decision):
        raise SequenceError(DECISION_TEXT_REQUIRED)
    if _blank(rationale):
        raise SequenceError(RATIONALE_REQUIRED)


def check_actions(*, actions: str, due_on: dt.date | None, set_on: dt.date) -> None:
    """Actions set by a decision or an audit: a due date belongs to actions, on or after the
    day they were set."""
    if due_on is None:
        return
    if _blank(actions):
        raise SequenceError(ACTIONS_DUE_WITHOUT_ACTIONS)
    if due_on < set_on:
        raise SequenceError(ACTIONS_DUE_BEFORE_SET)


def check_decision_in_supervision(
    *, made_on: dt.date, supervision_held_on: dt.date, child_discussed: bool
) -> None:
    if not child_discussed:
        raise SequenceError(CHILD_NOT_DISCUSSED)
    if made_on != supervision_held_on:
        raise SequenceError(DECISION_NOT_ON_SUPERVISION_DAY)


def check_in_post(*, on: dt.date, started_on: dt.date, ended_on: dt.date | None) -> None:
    """The worker worked for the service on `on` (their last day included)."""
    if on < started_on or (ended_on is not None and on > ended_on):
        raise SequenceError(WORKER_NOT_IN_POST)


def check_supervision(
    *,
    held_on: dt.date,
    next_due_on: dt.date | None,
    supervised_by_self: bool,
    child_ids_discussed: Sequence[str],
) -> None:
    if supervised_by_self:
        raise SequenceError(SUPERVISOR_IS_WORKER)
    if len(set(child_ids_discussed)) != len(child_ids_discussed):
        raise SequenceError(CHILD_DISCUSSED_TWICE)
    if next_due_on is not None and next_due_on <= held_on:
        raise SequenceError(NEXT_SUPERVISION_NOT_AFTER)


def check_case_note_text(*, text: str) -> None:
    if _blank(text):
        raise SequenceError(CASE_NOTE_TEXT_REQUIRED)


def check_amendment(
    *, written_at: dt.datetime, note_written_at: dt.datetime, note_already_amended: bool
) -> None:
    if note_already_amended:
        raise SequenceError(NOTE_ALREADY_AMENDED)
    if written_at < note_written_at:
        raise SequenceError(AMENDMENT_BEFORE_NOTE)


def check_audit_grade(*, grade_known: bool, moderated_grade_known: bool) -> None:
    """The grade, and the moderated grade when there is one, are from the grade list."""
    if not (grade_known and moderated_grade_known):
        raise SequenceError(AUDIT_GRADE_UNKNOWN)


def check_allocation_start(
    *,
    started_on: dt.date,
    worker_named: bool,
    worker_may_be_absent: bool,
    worker_in_team: bool,
    allocations: Sequence[Period],
) -> None:
    """A new allocation names its worker (unless held on duty or by a manager), who is in the
    team, and starts after the child's other allocations in the role: the one still open
    (started before it) is ended by it; one ended after that day, or starting on or after it,
    would overlap."""
    if not worker_named:
        if not worker_may_be_absent:
            raise SequenceError(ALLOCATION_NEEDS_WORKER)
    elif not worker_in_team:
        raise SequenceError(WORKER_NOT_IN_TEAM)
    for start, end in allocations:
        if start >= started_on or (end is not None and end > started_on):
            raise SequenceError(ALLOCATION_OVERLAPS)


def check_change_reason(*, replaces_social_worker: bool, change_reason: str) -> None:
    """A change of social worker carries its reason (SSDA903 SW_REASON)."""
    if replaces_social_worker and _blank(change_reason):
        raise SequenceError(CHANGE_REASON_REQUIRED)


def check_allocation_end(*, started_on: dt.date, ended_on: dt.date, already_ended: bool) -> None:
    if already_ended:
        raise SequenceError(ALLOCATION_ALREADY_ENDED)
    if ended_on < started_on:
        raise SequenceError(END_BEFORE_START)


def check_membership_start(*, started_on: dt.date, memberships: Sequence[Period]) -> None:
    """A worker is a member of a team once at a time: a new membership starts after the others
    (one ending that day does not overlap)."""
    if any(start >= started_on or end is None or end > started_on for start, end in memberships):
        raise SequenceError(MEMBERSHIP_ALREADY_OPEN)


def check_membership_end(*, started_on: dt.date, ended_on: dt.date, already_ended: bool) -> None:
    if already_ended:
        raise SequenceError(MEMBERSHIP_ALREADY_ENDED)
    if ended_on < started_on:
        raise SequenceError(END_BEFORE_START)


def check_worker(*, staff_id_taken: bool, names: Sequence[str], fte: Decimal) -> None:
    if any(_blank(name) for name in names):
        raise SequenceError(NAME_REQUIRED)
    if staff_id_taken:
        raise SequenceError(STAFF_ID_TAKEN)
    if not 0 < fte <= 1:
        raise SequenceError(FTE_OUT_OF_RANGE)


def check_team(*, code_taken: bool, name: str) -> None:
    if _blank(name):
        raise SequenceError(NAME_REQUIRED)
    if code_taken:
        raise SequenceError(TEAM_CODE_TAKEN)

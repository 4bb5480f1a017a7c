"""The order a child's journey can happen in: rules that refuse impossible sequences.

Pure Python over plain values (dates, optional dates, booleans, lists of periods). Each rule
returns None when the sequence is possible and raises `SequenceError` otherwise, with one of
the plain-English messages below. The services call them with what the database holds.

Birth: a contact, referral, assessment, strategy discussion, section 47 enquiry, CP plan or
core group may be about an unborn child, but none more than 40 weeks before the (expected)
birth (CIN census 8606 for referrals). A pre-birth conference or visit happens before the
birth; any other conference, and any other visit, needs the child born and is not dated
before the birth.

A referral need not follow a recorded contact (a referral loaded from a return has none), but
a contact it names was received on or before it and decided as a referral.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import Enum

Period = tuple[dt.date, dt.date | None]

PREGNANCY = dt.timedelta(weeks=40)

DATE_IN_FUTURE = "The date is in the future: record only what has already happened."
END_BEFORE_START = "The end date is before the start date."
EVENT_BEFORE_BIRTH = (
    "The date is before the child was born: only a pre-birth conference or visit can be "
    "recorded before the birth."
)
UNBORN_ONLY_PRE_BIRTH = (
    "The child is not born yet: record a pre-birth conference or visit instead, or record the "
    "date of birth first."
)
PRE_BIRTH_AFTER_BIRTH = (
    "The child was already born on that date: a pre-birth conference or visit happens before "
    "the birth."
)
EVENT_TOO_LONG_BEFORE_BIRTH = (
    "The date is more than 40 weeks before the child's date of birth or expected date of birth."
)
CONTACT_ALREADY_DECIDED = "The contact already has a decision."
CONTACT_DECIDED_BEFORE_RECEIVED = "The contact cannot be decided before it was received."
REFERRAL_BEFORE_CONTACT = (
    "The referral is dated before the contact it came from was received: record the contact first."
)
CONTACT_NOT_A_REFERRAL = (
    "The contact was not decided as a referral to children's social care: record that "
    "decision first."
)
REFERRAL_ALREADY_OPEN = (
    "The child already has a referral open on that date: close it before recording another, or "
    "add to the open one."
)
BEFORE_REFERRAL = "The date is before the referral it belongs to was made."
AFTER_REFERRAL_CLOSED = "The date is after the referral it belongs to was closed."
WRONG_REFERRAL = "The records belong to different referrals."
WRONG_CHILD = "The records belong to different children."
ASSESSMENT_ALREADY_AUTHORISED = "The assessment has already been completed and authorised."
ASSESSMENT_AUTHORISED_BEFORE_START = (
    "An assessment cannot be completed and authorised before it started."
)
ASSESSMENT_SEEN_OUTSIDE = (
    "The child was seen for the assessment before it started or after it was authorised."
)
S47_NEEDS_STRATEGY_DISCUSSION = (
    "A section 47 enquiry starts from a strategy discussion held on or before its start: "
    "record the strategy discussion first."
)
S47_NOT_DECIDED = "The strategy discussion decided there would be no section 47 enquiry."
S47_ALREADY_COMPLETED = "The section 47 enquiry has already been completed."
CONFERENCE_NEEDS_S47 = (
    "An initial or pre-birth conference follows a section 47 enquiry started on or before it: "
    "record the enquiry first."
)
CONFERENCE_OUTCOME_DOES_NOT_FIT = (
    "That outcome does not fit the conference: an initial, pre-birth or transfer-in conference "
    "decides on a plan or no plan; a review decides the plan continues or ends."
)
CP_PLAN_NEEDS_CONFERENCE = (
    "A child protection plan starts at a conference that decided on a plan: record the initial "
    "conference first."
)
CP_PLAN_STARTS_AT_CONFERENCE = (
    "A child protection plan starts on the day of the conference that decided on it."
)
CP_PLAN_ALREADY_OPEN = (
    "The child already has a child protection plan open on that date: end it before starting "
    "another."
)
REVIEW_NEEDS_OPEN_PLAN = (
    "A review conference reviews a child protection plan open on its date: the child has none."
)
CP_PLAN_ALREADY_ENDED = "The child protection plan has already ended."
CP_PLAN_ENDS_BEFORE_START = (
    "A child protection plan ends after the day it started (not on it or before it)."
)
CORE_GROUP_OUTSIDE_PLAN = (
    "A core group meets while its child protection plan is open: the date is before the plan "
    "started or after it ended."
)
VISIT_SEEN_ALONE_NOT_SEEN = "A child seen alone was seen: record the child as seen."
PRE_BIRTH_VISIT_CHILD_SEEN = "An unborn child cannot be seen on a pre-birth visit."
CP_VISIT_NEEDS_OPEN_PLAN = (
    "A child protection visit is made while a child protection plan is open: the child has none "
    "on that date."
)
REFERRAL_ALREADY_CLOSED = "The referral is already closed."
REFERRAL_CLOSED_BEFORE_REFERRED = "A referral cannot be closed before it was made."
REFERRAL_CLOSED_WITH_OPEN_WORK = (
    "The referral still has {what} open on that date: end it first, on or before the day the "
    "case closes."
)


class SequenceError(ValueError):
    """A record that cannot happen in that order; the message says why, in plain English."""


class BirthTiming(Enum):
    """When an event may fall against the child's birth (see the module docstring)."""

    EITHER = "either"
    AFTER_BIRTH = "after_birth"
    BEFORE_BIRTH = "before_birth"


def check_not_in_future(*, on: dt.date, today: dt.date) -> None:
    if on > today:
        raise SequenceError(DATE_IN_FUTURE)


def check_end_not_before_start(*, started_on: dt.date, ended_on: dt.date | None) -> None:
    if ended_on is not None and ended_on < started_on:
        raise SequenceError(END_BEFORE_START)


def check_against_birth(
    *,
    on: dt.date,
    born_on: dt.date | None,
    expected_birth_on: dt.date | None,
    timing: BirthTiming,
) -> None:
    """An event against the child's birth: never more than 40 weeks before it; after it unless
    a pre-birth event; before it if one."""
    if timing is BirthTiming.AFTER_BIRTH:
        if born_on is None:
            raise SequenceError(UNBORN_ONLY_PRE_BIRTH)
        if on < born_on:
            raise SequenceError(EVENT_BEFORE_BIRTH)
    if timing is BirthTiming.BEFORE_BIRTH and born_on is not None and on > born_on:
        raise SequenceError(PRE_BIRTH_AFTER_BIRTH)
    birth = born_on or expected_birth_on
    if birth is not None and on < birth - PREGNANCY:
        raise SequenceError(EVENT_TOO_LONG_BEFORE_BIRTH)


def check_contact_decision(
    *, received_at: dt.datetime, decision_at: dt.datetime, already_decided: bool
) -> None:
    if already_decided:
        raise SequenceError(CONTACT_ALREADY_DECIDED)
    if decision_at < received_at:
        raise SequenceError(CONTACT_DECIDED_BEFORE_RECEIVED)


def check_referral_after_contact(
    *, referred_on: dt.date, contact_received_on: dt.date | None, contact_is_referral: bool
) -> None:
    """A referral that names its contact comes from it (no contact named: nothing to check)."""
    if contact_received_on is None:
        return
    if contact_received_on > referred_on:
        raise SequenceError(REFERRAL_BEFORE_CONTACT)
    if not contact_is_referral:
        raise SequenceError(CONTACT_NOT_A_REFERRAL)


def _open_from_overlaps(started_on: dt.date, periods: Iterable[Period]) -> bool:
    """Whether a period open from `started_on` overlaps any of `periods` (one ending on the
    day another starts does not)."""
    return any(end is None or end > started_on or start >= started_on for start, end in periods)


def _open_on(on: dt.date, periods: Iterable[Period]) -> bool:
    """Whether any period started before `on` and had not ended before it."""
    return any(start < on and (end is None or end >= on) for start, end in periods)


def check_no_open_referral(*, referred_on: dt.date, referrals: Sequence[Period]) -> None:
    """A new referral (CIN episode) does not overlap the child's other referrals."""
    if _open_from_overlaps(referred_on, referrals):
        raise SequenceError(REFERRAL_ALREADY_OPEN)


def check_within_referral(*, on: dt.date, referred_on: dt.date, closed_on: dt.date | None) -> None:
    if on < referred_on:
        raise SequenceError(BEFORE_REFERRAL)
    if closed_on is not None and on > closed_on:
        raise SequenceError(AFTER_REFERRAL_CLOSED)


def check_same_referral(*, referral_key: str, linked_referral_key: str) -> None:
    if referral_key != linked_referral_key:
        raise SequenceError(WRONG_REFERRAL)


def check_same_child(*, child_id: str, linked_child_id: str) -> None:
    if child_id != linked_child_id:
        raise SequenceError(WRONG_CHILD)


def check_assessment_completion(
    *,
    started_on: dt.date,
    authorised_on: dt.date,
    child_seen_on: dt.date | None,
    already_authorised: bool,
) -> None:
    """Completing an assessment is its authorisation (the CIN census has no other date)."""
    if already_authorised:
        raise SequenceError(ASSESSMENT_ALREADY_AUTHORISED)
    if authorised_on < started_on:
        raise SequenceError(ASSESSMENT_AUTHORISED_BEFORE_START)
    if child_seen_on is not None and not started_on <= child_seen_on <= authorised_on:
        raise SequenceError(ASSESSMENT_SEEN_OUTSIDE)


def check_s47_has_strategy_discussion(
    *, started_on: dt.date, discussion_held_on: dt.date | None, discussion_decided_s47: bool
) -> None:
    if discussion_held_on is None or discussion_held_on > started_on:
        raise SequenceError(S47_NEEDS_STRATEGY_DISCUSSION)
    if not discussion_decided_s47:
        raise SequenceError(S47_NOT_DECIDED)


def check_s47_completion(
    *, started_on: dt.date, completed_on: dt.date, already_completed: bool
) -> None:
    if already_completed:
        raise SequenceError(S47_ALREADY_COMPLETED)
    check_end_not_before_start(started_on=started_on, ended_on=completed_on)


def check_conference_follows_s47(*, held_on: dt.date, enquiry_started_on: dt.date | None) -> None:
    """An initial or pre-birth conference follows the section 47 enquiry it was called from."""
    if enquiry_started_on is None or enquiry_started_on > held_on:
        raise SequenceError(CONFERENCE_NEEDS_S47)


def check_conference_outcome(*, outcome_fits_kind: bool) -> None:
    if not outcome_fits_kind:
        raise SequenceError(CONFERENCE_OUTCOME_DOES_NOT_FIT)


def check_cp_plan_has_conference(
    *, started_on: dt.date, conference_held_on: dt.date | None, conference_decided_plan: bool
) -> None:
    """A plan starts at an initial, pre-birth or transfer-in conference that decided on one."""
    if conference_held_on is None or not conference_decided_plan:
        raise SequenceError(CP_PLAN_NEEDS_CONFERENCE)
    if started_on != conference_held_on:
        raise SequenceError(CP_PLAN_STARTS_AT_CONFERENCE)


def check_no_open_cp_plan(*, started_on: dt.date, plans: Sequence[Period]) -> None:
    """A child has one child protection plan at a time."""
    if _open_from_overlaps(started_on, plans):
        raise SequenceError(CP_PLAN_ALREADY_OPEN)


def check_review_has_open_plan(*, held_on: dt.date, plans: Sequence[Period]) -> None:
    if not _open_on(held_on, plans):
        raise SequenceError(REVIEW_NEEDS_OPEN_PLAN)


def check_cp_plan_end(*, started_on: dt.date, ended_on: dt.date, already_ended: bool) -> None:
    """A plan ends after the day it started (CIN census 8840). It may end before a review or
    visit that was due: those are timescales, not the order of events."""
    if already_ended:
        raise SequenceError(CP_PLAN_ALREADY_ENDED)
    if ended_on <= started_on:
        raise SequenceError(CP_PLAN_ENDS_BEFORE_START)


def check_core_group_within_plan(
    *, held_on: dt.date, plan_started_on: dt.date, plan_ended_on: dt.date | None
) -> None:
    if held_on < plan_started_on or (plan_ended_on is not None and held_on > plan_ended_on):
        raise SequenceError(CORE_GROUP_OUTSIDE_PLAN)


def check_visit(*, child_seen: bool, child_seen_alone: bool, pre_birth: bool) -> None:
    if child_seen_alone and not child_seen:
        raise SequenceError(VISIT_SEEN_ALONE_NOT_SEEN)
    if pre_birth and child_seen:
        raise SequenceError(PRE_BIRTH_VISIT_CHILD_SEEN)


def check_cp_visit_has_open_plan(*, visited_on: dt.date, plans: Sequence[Period]) -> None:
    """A child protection visit falls on a day a plan is open (its first day included)."""
    if not any(start <= visited_on and (end is None or end >= visited_on) for start, end in plans):
        raise SequenceError(CP_VISIT_NEEDS_OPEN_PLAN)


def check_referral_closure(
    *,
    referred_on: dt.date,
    closed_on: dt.date,
    already_closed: bool,
    open_work: Sequence[tuple[str, Period]],
) -> None:
    """A case closes once, on or after its referral, with every plan, assessment and enquiry
    of it ended by then (CIN census: nothing of an episode runs past its closure)."""
    if already_closed:
        raise SequenceError(REFERRAL_ALREADY_CLOSED)
    if closed_on < referred_on:
        raise SequenceError(REFERRAL_CLOSED_BEFORE_REFERRED)
    for what, (_, ended_on) in open_work:
        if ended_on is None or ended_on > closed_on:
            raise SequenceError(REFERRAL_CLOSED_WITH_OPEN_WORK.format(what=what))

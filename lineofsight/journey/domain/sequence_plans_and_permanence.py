"""The order of early help, CIN plans, court proceedings and permanence: rules that refuse
impossible sequences.

Like `sequence`, pure Python over plain values: each rule returns None when the sequence is
possible and raises `SequenceError` with one of the messages below. Periods are
(start, end or None) pairs. Code lists are Django choices, so the services turn codes into
the booleans these rules take.

A child has one early help episode, one CIN plan, one private fostering arrangement, one open
adoption decision and one set of proceedings of each kind at a time; one ending on the day
the next starts does not overlap it. A CIN plan does not start while a child protection plan
is open, though it may start on the day one ends (a step down; CIN census 4016).

Adoption follows its steps in order: the decision that the child should be placed, the
placement order (where there is one), the match, the placement and the adoption order
(SSDA903 333, 331). The child is looked after on the day of each step and of a decision
ceasing (SSDA903 334, 117).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from lineofsight.journey.domain.sequence import Period, SequenceError, check_end_not_before_start

CARE_LEAVING_AGE = 16

EARLY_HELP_ALREADY_OPEN = (
    "The child already has an early help episode open on that date: end it before starting another."
)
EARLY_HELP_BEFORE_STEP_DOWN = (
    "Early help stepped down from a referral starts on or after the day the referral was made."
)
EARLY_HELP_ALREADY_ENDED = "The early help episode has already ended."
EARLY_HELP_ENDS_BEFORE_ITS_WORK = (
    "The early help episode cannot end before the assessment or plan recorded on it."
)
CIN_PLAN_ALREADY_OPEN = (
    "The child already has a child in need plan open on that date: end it before starting another."
)
CIN_PLAN_DURING_CP_PLAN = (
    "The child has a child protection plan open on that date: a child in need plan starts "
    "when it ends, or later."
)
CIN_PLAN_ALREADY_ENDED = "The child in need plan has already ended."
CIN_PLAN_ENDS_BEFORE_REVIEW = (
    "The child in need plan cannot end before a review already recorded on it."
)
CIN_REVIEW_OUTSIDE_PLAN = (
    "A child in need plan review is held while the plan is open: the date is before the plan "
    "started or after it ended."
)
PRE_PROCEEDINGS_IN_NO_COURT = (
    "Pre-proceedings come before any application to court: they have no court or case number."
)
PROCEEDINGS_ALREADY_OPEN = (
    "The child already has proceedings of that kind open on that date: end them before "
    "recording more."
)
PROCEEDINGS_ALREADY_ENDED = "The proceedings have already ended."
PROCEEDINGS_END_WITHOUT_OUTCOME = "Proceedings end with an outcome: record what the court decided."
ADOPTION_NEEDS_LOOKED_AFTER = (
    "The child was not looked after on that date: the decision that a child should be placed "
    "for adoption, and each step after it, is made while the child is looked after. Record the "
    "looked-after episode first."
)
ADOPTION_ALREADY_OPEN = (
    "The child already has a decision to be placed for adoption that has neither ceased nor "
    "ended in an adoption order."
)
ADOPTION_CEASED = (
    "The decision that the child should be placed for adoption has ceased: no further step can "
    "be recorded on it."
)
ADOPTION_ORDER_MADE = "The adoption order has been made: nothing further can be recorded on it."
ADOPTION_STEP_ALREADY_RECORDED = "That step of the adoption is already recorded."
ADOPTION_NEEDS_EARLIER_STEP = (
    "An earlier step of the adoption is not recorded yet: a child is matched with adopters "
    "before being placed with them, and placed before the adoption order."
)
ADOPTION_STEPS_OUT_OF_ORDER = (
    "The date is out of order with the adoption's other steps: the decision, placement order, "
    "match, placement and adoption order fall in that order."
)
ADOPTION_CEASED_BEFORE_STEP = (
    "The decision cannot cease before a step of the adoption already recorded on it."
)
CARE_LEAVER_UNDER_16 = "Care leaving duties start at 16: the young person was under 16 then."
CARE_LEAVER_NEVER_LOOKED_AFTER = (
    "An eligible, relevant or former relevant young person has been looked after: the child "
    "has no looked-after episode starting on or before that date."
)
CARE_LEAVER_STATUS_ALREADY_RECORDED = (
    "The young person's circumstances are already recorded for that date."
)
CARE_LEAVER_GONE_WITH_ACTIVITY = (
    "A young person who has died or returned home has activity and accommodation recorded as "
    "'not in touch, died or returned home'."
)
CARE_LEAVER_IN_TOUCH_WITHOUT_ACTIVITY = (
    "The council is in touch with the young person: record what they are doing and where they "
    "live, not 'not in touch'."
)
CARE_LEAVER_SUITABILITY_WITHOUT_ACCOMMODATION = (
    "Whether accommodation is suitable is recorded only when the accommodation is known."
)
PATHWAY_REVIEW_AFTER_CONTACT = (
    "The pathway plan review recorded is the latest one on or before the contact date."
)
PRIVATE_FOSTERING_ALREADY_OPEN = (
    "The child already has a private fostering arrangement open on that date: end it before "
    "starting another."
)
PRIVATE_FOSTERING_WHILE_LOOKED_AFTER = (
    "A looked-after child is not privately fostered: the child is looked after on that date."
)
PRIVATE_FOSTERING_ALREADY_ENDED = "The private fostering arrangement has already ended."

# The steps of an adoption, in the order they happen, by their canonical names.
ADOPTION_STEPS = (
    "decision_on",
    "placement_order_on",
    "matched_on",
    "placed_on",
    "adoption_order_on",
)
# A step that can only follow another (a placement order is not always needed).
ADOPTION_STEP_NEEDS = {"placed_on": "matched_on", "adoption_order_on": "placed_on"}


def _overlaps_from(started_on: dt.date, periods: Iterable[Period]) -> bool:
    """Whether a period open from `started_on` overlaps any of `periods` (one ending on the day
    another starts does not), as `sequence` reads referrals and CP plans."""
    return any(end is None or end > started_on or start >= started_on for start, end in periods)


def _covers(on: dt.date, periods: Iterable[Period]) -> bool:
    """Whether any period runs on `on`, its first and last days included."""
    return any(start <= on and (end is None or end >= on) for start, end in periods)


def _check_ending(
    *, started_on: dt.date, ended_on: dt.date, already_ended: bool, message: str
) -> None:
    if already_ended:
        raise SequenceError(message)
    check_end_not_before_start(started_on=started_on, ended_on=ended_on)


# ---- early help -----------------------------------------------------------------------------


def check_early_help_start(
    *, started_on: dt.date, episodes: Sequence[Period], stepped_down_on: dt.date | None
) -> None:
    """`stepped_down_on`: the day the referral it was stepped down from was made, if any."""
    if stepped_down_on is not None and started_on < stepped_down_on:
        raise SequenceError(EARLY_HELP_BEFORE_STEP_DOWN)
    if _overlaps_from(started_on, episodes):
        raise SequenceError(EARLY_HELP_ALREADY_OPEN)


def check_early_help_end(
    *,
    started_on: dt.date,
    ended_on: dt.date,
    already_ended: bool,
    work_dates: Iterable[dt.date | None],
) -> None:
    """`work_dates`: the episode's assessment and plan dates, those recorded."""
    _check_ending(
        started_on=started_on,
        ended_on=ended_on,
        already_ended=already_ended,
        message=EARLY_HELP_ALREADY_ENDED,
    )
    if any(on is not None and on > ended_on for on in work_dates):
        raise SequenceError(EARLY_HELP_ENDS_BEFORE_ITS_WORK)


# ---- CIN plans ------------------------------------------------------------------------------


def check_cin_plan_start(
    *, started_on: dt.date, cin_plans: Sequence[Period], cp_plans: Sequence[Period]
) -> None:
    """A child's CIN plans, across referrals, do not overlap; nor does one start while a CP
    plan is open (it may start the day one ends)."""
    if _overlaps_from(started_on, cin_plans):
        raise SequenceError(CIN_PLAN_ALREADY_OPEN)
    if any(start <= started_on and (end is None or end > started_on) for start, end in cp_plans):
        raise SequenceError(CIN_PLAN_DURING_CP_PLAN)


def check_cin_plan_end(
    *,
    started_on: dt.date,
    ended_on: dt.date,
    already_ended: bool,
    last_review_on: dt.date | None,
) -> None:
    """A plan may start and end on one day (CIN census 4012Q only queries it)."""
    _check_ending(
        started_on=started_on,
        ended_on=ended_on,
        already_ended=already_ended,
        message=CIN_PLAN_ALREADY_ENDED,
    )
    if last_review_on is not None and last_review_on > ended_on:
        raise SequenceError(CIN_PLAN_ENDS_BEFORE_REVIEW)


def check_cin_review_within_plan(
    *, held_on: dt.date, plan_started_on: dt.date, plan_ended_on: dt.date | None
) -> None:
    if not _covers(held_on, [(plan_started_on, plan_ended_on)]):
        raise SequenceError(CIN_REVIEW_OUTSIDE_PLAN)


# ---- legal proceedings ----------------------------------------------------------------------


def check_proceedings_start(
    *,
    started_on: dt.date,
    same_kind: Sequence[Period],
    pre_proceedings: bool = False,
    in_court: bool = False,
) -> None:
    """`same_kind`: the child's proceedings of the same kind; `in_court`: a court or case
    number is given, which an application has and pre-proceedings do not."""
    if pre_proceedings and in_court:
        raise SequenceError(PRE_PROCEEDINGS_IN_NO_COURT)
    if _overlaps_from(started_on, same_kind):
        raise SequenceError(PROCEEDINGS_ALREADY_OPEN)


def check_proceedings_end(
    *, started_on: dt.date, ended_on: dt.date, already_ended: bool, outcome_given: bool
) -> None:
    _check_ending(
        started_on=started_on,
        ended_on=ended_on,
        already_ended=already_ended,
        message=PROCEEDINGS_ALREADY_ENDED,
    )
    if not outcome_given:
        raise SequenceError(PROCEEDINGS_END_WITHOUT_OUTCOME)


# ---- adoption -------------------------------------------------------------------------------


def check_looked_after_for_adoption(*, on: dt.date, episodes: Sequence[Period]) -> None:
    """`episodes`: the child's looked-after episodes."""
    if not _covers(on, episodes):
        raise SequenceError(ADOPTION_NEEDS_LOOKED_AFTER)


def check_adoption_decision(*, decision_on: dt.date, adoptions: Sequence[Period]) -> None:
    """`adoptions`: each earlier decision, ending when it ceased or on its adoption order."""
    if _overlaps_from(decision_on, adoptions):
        raise SequenceError(ADOPTION_ALREADY_OPEN)


def _check_adoption_open(*, steps: Mapping[str, dt.date | None], ceased: bool) -> None:
    if ceased:
        raise SequenceError(ADOPTION_CEASED)
    if steps.get("adoption_order_on") is not None:
        raise SequenceError(ADOPTION_ORDER_MADE)


def check_adoption_step(
    *, step: str, on: dt.date, steps: Mapping[str, dt.date | None], ceased: bool
) -> None:
    """Record one step (one of `ADOPTION_STEPS` after the decision) once, in order: on or
    after every earlier step recorded, and on or before every later one."""
    if steps.get(step) is not None:
        raise SequenceError(ADOPTION_STEP_ALREADY_RECORDED)
    _check_adoption_open(steps=steps, ceased=ceased)
    needed = ADOPTION_STEP_NEEDS.get(step)
    if needed is not None and steps.get(needed) is None:
        raise SequenceError(ADOPTION_NEEDS_EARLIER_STEP)
    place = ADOPTION_STEPS.index(step)
    earlier = [steps.get(name) for name in ADOPTION_STEPS[:place]]
    later = [steps.get(name) for name in ADOPTION_STEPS[place + 1 :]]
    if any(d is not None and d > on for d in earlier) or any(
        d is not None and d < on for d in later
    ):
        raise SequenceError(ADOPTION_STEPS_OUT_OF_ORDER)


def check_adoption_ceasing(
    *, ceased_on: dt.date, steps: Mapping[str, dt.date | None], ceased: bool
) -> None:
    """A decision ceases (the child should no longer be placed) once, after its steps so far,
    and never after the adoption order."""
    _check_adoption_open(steps=steps, ceased=ceased)
    if any(d is not None and d > ceased_on for d in steps.values()):
        raise SequenceError(ADOPTION_CEASED_BEFORE_STEP)


# ---- care leavers ---------------------------------------------------------------------------


def _age_on(on: dt.date, born_on: dt.date) -> int:
    return on.year - born_on.year - ((on.month, on.day) < (born_on.month, born_on.day))


def check_care_leaver_status(
    *,
    as_of: dt.date,
    born_on: dt.date,
    needs_care_history: bool,
    episodes: Sequence[Period],
    already_recorded: bool,
    pathway_plan_reviewed_on: dt.date | None,
) -> None:
    """Who a care leaver status is for, and when. `needs_care_history`: eligible, relevant or
    former relevant (a qualifying young person need not have been looked after)."""
    if already_recorded:
        raise SequenceError(CARE_LEAVER_STATUS_ALREADY_RECORDED)
    if _age_on(as_of, born_on) < CARE_LEAVING_AGE:
        raise SequenceError(CARE_LEAVER_UNDER_16)
    if needs_care_history and not any(start <= as_of for start, _end in episodes):
        raise SequenceError(CARE_LEAVER_NEVER_LOOKED_AFTER)
    if pathway_plan_reviewed_on is not None and pathway_plan_reviewed_on > as_of:
        raise SequenceError(PATHWAY_REVIEW_AFTER_CONTACT)


def check_care_leaver_circumstances(
    *,
    in_touch: bool,
    died_or_returned_home: bool,
    activity_known: bool,
    accommodation_known: bool,
    suitability_given: bool,
) -> None:
    """Activity and accommodation against being in touch (SSDA903 344, 345). `*_known`: given
    as other than 'not in touch, died or returned home'."""
    if died_or_returned_home and (activity_known or accommodation_known):
        raise SequenceError(CARE_LEAVER_GONE_WITH_ACTIVITY)
    if in_touch and not (activity_known and accommodation_known):
        raise SequenceError(CARE_LEAVER_IN_TOUCH_WITHOUT_ACTIVITY)
    if suitability_given and not accommodation_known:
        raise SequenceError(CARE_LEAVER_SUITABILITY_WITHOUT_ACCOMMODATION)


# ---- private fostering ----------------------------------------------------------------------


def check_private_fostering_start(
    *, started_on: dt.date, arrangements: Sequence[Period], episodes: Sequence[Period]
) -> None:
    """`episodes`: the child's looked-after episodes."""
    if _covers(started_on, episodes):
        raise SequenceError(PRIVATE_FOSTERING_WHILE_LOOKED_AFTER)
    if _overlaps_from(started_on, arrangements):
        raise SequenceError(PRIVATE_FOSTERING_ALREADY_OPEN)


def check_private_fostering_end(
    *, started_on: dt.date, ended_on: dt.date, already_ended: bool
) -> None:
    _check_ending(
        started_on=started_on,
        ended_on=ended_on,
        already_ended=already_ended,
        message=PRIVATE_FOSTERING_ALREADY_ENDED,
    )

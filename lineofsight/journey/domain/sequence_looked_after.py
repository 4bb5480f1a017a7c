"""The order a looked-after child's record can happen in (SSDA903 episodes and what hangs on
being looked after): rules that refuse impossible sequences.

Pure Python over plain values, as `sequence`: each rule returns None when the sequence is
possible and raises `SequenceError` with one of the messages below otherwise.

Episodes are derived, never typed: a change of legal status or placement ends the open episode
on the day of the change (`X1`) and starts the next one that day, its reason for new episode
saying what changed (SSDA903 RNE; rules 433 to 436). Since the next episode starts the day
the change happens, a change (or an end) falls after the day the open episode started: an
episode lasts at least a day (rule 355), and a child has one episode starting on a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import Enum

from lineofsight.journey.domain.sequence import Period, SequenceError

# A time interval: started at, ended at (None while still open).
Interval = tuple[dt.datetime, dt.datetime | None]

LOOKED_AFTER_ALREADY = (
    "The child is already looked after on that date, or has episodes of care after it: record "
    "a change to the open episode instead, or end it first."
)
LOOKED_AFTER_AGAIN_SAME_DAY = (
    "The child stopped being looked after on that date: a new period of care starts on a later "
    "day (SSDA903 rule 431), or the change belongs to the episode that ended."
)
LOOKED_AFTER_FROM_18 = "A young person aged 18 or over cannot start to be looked after."
TEMPORARY_START = (
    "A period of care cannot start in a temporary placement (T0 to T4): record the normal "
    "placement first."
)
TEMPORARY_END = (
    "A period of care cannot end in a temporary placement (T0 to T4): record the return to the "
    "normal placement first."
)
NO_OPEN_EPISODE = (
    "The child has no open episode of care: record that they started to be looked after first."
)
EPISODE_CHANGE_NOT_AFTER_START = (
    "The date is on or before the day the open episode started: an episode lasts at least a "
    "day, so a change or an end falls after its first day."
)
NOTHING_CHANGED = (
    "Neither the legal status nor the placement (type, provider, postcode or URN) differs from "
    "the open episode's: there is no new episode to record."
)
LEGAL_STATUS_UNCHANGED = "The legal status is the one the open episode already has."
PLACEMENT_UNCHANGED = (
    "The placement type, provider, postcode and URN are those of the open episode: a placement "
    "change changes at least one of them."
)
CEASE_WITH_X1 = (
    "X1 (a new episode begins the same day) is not a reason for leaving care: record the change "
    "of placement or legal status instead."
)
RETURN_TO_NORMAL_PLACEMENT = (
    "After a temporary placement (T0 to T4) the child returns to their normal placement, of "
    "type {normal} (SSDA903 rule 383): record that return, then any move from it."
)
PLACE_CHANGE_REASON_NEEDED = "Give the reason for the placement change (SSDA903 rule 225)."
PLACE_CHANGE_REASON_FROM_TEMPORARY = (
    "A move out of a temporary placement (T0 to T4) has no reason for placement change "
    "(SSDA903 rule 226)."
)
NOT_LOOKED_AFTER = "The child was not looked after on that date."
REVIEW_ALREADY_HELD = "A looked-after review is already recorded for the child on that date."
REVIEW_PN0_NOT_UNDER_4 = (
    "PN0 (child under 4 at the review) is for a child under 4: the child was 4 or over on "
    "that date."
)
REVIEW_UNDER_4_NEEDS_PN0 = (
    "The child was under 4 at the review: their participation is recorded as PN0."
)
SDQ_SCORE_AND_REASON = (
    "An SDQ has either a score or a reason there is no score, not both (SSDA903 rule 197a)."
)
SDQ_SCORE_OR_REASON_NEEDED = "Give the SDQ score, or the reason there is no score."
SDQ_SCORE_OUT_OF_RANGE = "An SDQ score is a whole number from 0 to 40."
SDQ_REASON_ONLY_FOR_SDQ = "A reason for no SDQ score belongs to an SDQ record only."
HEALTH_YES_OR_NO = "Record 1 (yes) or 0 (no) for this check."
HEALTH_NO_VALUE = (
    "A health assessment or dental check is recorded by its date alone: it takes no value."
)
MISSING_ALREADY = (
    "The child was already missing or away from placement at that time: record one episode, or "
    "end the earlier one first."
)
MISSING_ALREADY_ENDED = "The missing or away episode has already ended."
MISSING_NOT_RETURNED = (
    "The child has not returned from this missing or away episode yet: record the return first."
)
INTERVIEW_NOT_OFFERED = "A return interview that was not offered cannot have been accepted or held."
INTERVIEW_BEFORE_RETURN = "A return interview is held after the child returned."
INTERVIEW_HELD_NOT_ACCEPTED = (
    "A return interview the child did not accept was not held: leave the date it was held blank."
)
YOUTH_JUSTICE_STATUS_UNDER_10 = (
    "A child under 10 cannot be remanded or detained (legal status J1 to J3): they are below "
    "the age of criminal responsibility (SSDA903 rule 358)."
)
MISSING_FROM_PLACEMENT_OPEN = (
    "The child is recorded as missing or away from this placement and has not returned: record "
    "when they came back before the episode ends (SSDA903 rule 575)."
)
MISSING_OPEN_AT_LEAVING_CARE = (
    "The child is recorded as missing or away and has not returned: record when they came back "
    "before they stop being looked after (SSDA903 rule 577)."
)
MISSING_OPEN_FROM_ENDED_PLACEMENT = (
    "The child went missing or away from a placement that has since ended: give the date and "
    "time they came back (SSDA903 rules 575 and 577)."
)
YOUTH_JUSTICE_UNDER_10 = (
    "A child under 10 cannot be convicted or cautioned (the age of criminal responsibility)."
)

# Legal statuses of a child remanded or detained (youth justice).
YOUTH_JUSTICE_STATUSES = frozenset({"J1", "J2", "J3"})

# Reasons for a new episode (SSDA903 RNE), by what changed.
RNE_LEGAL_STATUS = "L"
RNE_PLACEMENT_AND_CARERS = "P"
RNE_PLACEMENT_SAME_CARERS = "T"
RNE_BOTH_NEW_CARERS = "B"
RNE_BOTH_SAME_CARERS = "U"


class HealthValue(Enum):
    """What a health check records beside its date."""

    SDQ = "sdq"  # a score 0-40, or a reason there is none
    YES_NO = "yes_no"  # "1" or "0"
    NONE = "none"  # done on the date: nothing more


def age_on(*, born_on: dt.date, on: dt.date) -> int:
    """Whole years from birth to `on` (a 29 February birthday counts on 1 March)."""
    return on.year - born_on.year - ((on.month, on.day) < (born_on.month, born_on.day))


def _looked_after_on(on: dt.date, episodes: Iterable[Period]) -> bool:
    return any(start <= on and (end is None or end >= on) for start, end in episodes)


# ---- episodes -------------------------------------------------------------------------------


def check_can_start_care(*, started_on: dt.date, episodes: Sequence[Period]) -> None:
    """A period of care starts when no episode is open on or after that day, and not on the day
    the previous period ended (rule 431)."""
    if any(end == started_on for _, end in episodes):
        raise SequenceError(LOOKED_AFTER_AGAIN_SAME_DAY)
    if any(end is None or end > started_on or start >= started_on for start, end in episodes):
        raise SequenceError(LOOKED_AFTER_ALREADY)


def check_starts_under_18(*, started_on: dt.date, born_on: dt.date | None) -> None:
    if born_on is not None and age_on(born_on=born_on, on=started_on) >= 18:
        raise SequenceError(LOOKED_AFTER_FROM_18)


def check_not_temporary_start(*, temporary: bool) -> None:
    if temporary:
        raise SequenceError(TEMPORARY_START)


def check_has_open_episode(*, open_started_on: dt.date | None) -> None:
    if open_started_on is None:
        raise SequenceError(NO_OPEN_EPISODE)


def check_after_episode_start(*, on: dt.date, episode_started_on: dt.date) -> None:
    if on <= episode_started_on:
        raise SequenceError(EPISODE_CHANGE_NOT_AFTER_START)


def reason_new_episode(
    *, legal_status_changed: bool, placement_changed: bool, same_carers: bool
) -> str:
    """The RNE for a new episode after a change: L, P or T, or B or U when both changed."""
    if legal_status_changed and placement_changed:
        return RNE_BOTH_SAME_CARERS if same_carers else RNE_BOTH_NEW_CARERS
    if placement_changed:
        return RNE_PLACEMENT_SAME_CARERS if same_carers else RNE_PLACEMENT_AND_CARERS
    if legal_status_changed:
        return RNE_LEGAL_STATUS
    raise SequenceError(NOTHING_CHANGED)


def check_youth_justice_status_age(*, legal_status: str, on: dt.date, born_on: dt.date) -> None:
    """A youth-justice legal status (J1 to J3) starts on or after the 10th birthday (358)."""
    if legal_status in YOUTH_JUSTICE_STATUSES and age_on(born_on=born_on, on=on) < 10:
        raise SequenceError(YOUTH_JUSTICE_STATUS_UNDER_10)


def check_no_missing_open_as_episode_ends(
    *, episode_started_on: dt.date, ends_on: dt.date, open_missing_from: Iterable[dt.date]
) -> None:
    """The episode a child went missing from (its first day to the day before it ends: one
    starting on the day of a change belongs to the next) cannot end while they are still away
    (rule 575)."""
    if any(episode_started_on <= start < ends_on for start in open_missing_from):
        raise SequenceError(MISSING_FROM_PLACEMENT_OPEN)


def check_no_missing_open_as_care_ends(
    *, ended_on: dt.date, open_missing_from: Iterable[dt.date]
) -> None:
    """Nobody stops being looked after while still recorded as missing or away (rule 577)."""
    if any(start <= ended_on for start in open_missing_from):
        raise SequenceError(MISSING_OPEN_AT_LEAVING_CARE)


def check_open_missing_in_open_care(
    *, started_on: dt.date, ended: bool, episodes: Sequence[Period]
) -> None:
    """A missing episode left open (not yet returned) cannot start within an episode of care
    that has ended: that placement ended after they went (rule 575), or care ended (577)."""
    if ended:
        return
    for episode_start, episode_end in episodes:
        if episode_end is not None and episode_start <= started_on <= episode_end:
            # On the last day of a changed episode the next one is open; only then is it fine.
            followed = any(start == episode_end for start, _ in episodes)
            if started_on < episode_end or not followed:
                raise SequenceError(MISSING_OPEN_FROM_ENDED_PLACEMENT)


def check_legal_status_changes(*, legal_status_changed: bool) -> None:
    if not legal_status_changed:
        raise SequenceError(LEGAL_STATUS_UNCHANGED)


def check_placement_changes(*, placement_changed: bool) -> None:
    if not placement_changed:
        raise SequenceError(PLACEMENT_UNCHANGED)


def check_return_from_temporary(
    *, normal_placement_type: str | None, new_placement_type: str, new_is_temporary: bool
) -> None:
    """Out of a temporary placement, the child goes back to the placement type they were in
    before it (rule 383), or to another temporary one. `normal_placement_type` is that type,
    or None when the open placement is not temporary."""
    if normal_placement_type is None or new_is_temporary:
        return
    if new_placement_type != normal_placement_type:
        raise SequenceError(RETURN_TO_NORMAL_PLACEMENT.format(normal=normal_placement_type))


def check_place_change_reason(*, leaving_temporary: bool, reason_given: bool) -> None:
    """A move gives its reason (rule 225), except a move out of a temporary placement (226)."""
    if leaving_temporary and reason_given:
        raise SequenceError(PLACE_CHANGE_REASON_FROM_TEMPORARY)
    if not leaving_temporary and not reason_given:
        raise SequenceError(PLACE_CHANGE_REASON_NEEDED)


def check_cease(
    *, ended_on: dt.date, episode_started_on: dt.date, is_x1: bool, temporary: bool
) -> None:
    """Leaving care ends the open episode with a reason other than X1, after its first day and
    not from a temporary placement (rule 381)."""
    if is_x1:
        raise SequenceError(CEASE_WITH_X1)
    check_after_episode_start(on=ended_on, episode_started_on=episode_started_on)
    if temporary:
        raise SequenceError(TEMPORARY_END)


# ---- what happens while looked after --------------------------------------------------------


def check_looked_after_on(*, on: dt.date, episodes: Sequence[Period]) -> None:
    """An event of care (a review, health check or PEP) falls within an episode, its first and
    last days included."""
    if not _looked_after_on(on, episodes):
        raise SequenceError(NOT_LOOKED_AFTER)


def check_review(
    *,
    held_on: dt.date,
    born_on: dt.date,
    participation_under_4: bool,
    review_dates: Iterable[dt.date],
) -> None:
    """One review a day; PN0 exactly when the child is under 4 (rules 440 and 441)."""
    if held_on in set(review_dates):
        raise SequenceError(REVIEW_ALREADY_HELD)
    under_4 = age_on(born_on=born_on, on=held_on) < 4
    if participation_under_4 and not under_4:
        raise SequenceError(REVIEW_PN0_NOT_UNDER_4)
    if under_4 and not participation_under_4:
        raise SequenceError(REVIEW_UNDER_4_NEEDS_PN0)


def check_health_value(*, takes: HealthValue, value: str, sdq_reason: str) -> None:
    """The value a health check holds: the SDQ's score or reason, a yes/no flag, or nothing."""
    if takes is not HealthValue.SDQ and sdq_reason:
        raise SequenceError(SDQ_REASON_ONLY_FOR_SDQ)
    if takes is HealthValue.SDQ:
        if value and sdq_reason:
            raise SequenceError(SDQ_SCORE_AND_REASON)
        if not value and not sdq_reason:
            raise SequenceError(SDQ_SCORE_OR_REASON_NEEDED)
        if value and not (value.isdigit() and 0 <= int(value) <= 40):
            raise SequenceError(SDQ_SCORE_OUT_OF_RANGE)
    elif takes is HealthValue.YES_NO and value not in {"0", "1"}:
        raise SequenceError(HEALTH_YES_OR_NO)
    elif takes is HealthValue.NONE and value:
        raise SequenceError(HEALTH_NO_VALUE)


def check_no_missing_overlap(
    *, started_at: dt.datetime, ended_at: dt.datetime | None, others: Iterable[Interval]
) -> None:
    """A child goes missing or away once at a time (one ending as another starts is fine)."""
    for other_start, other_end in others:
        starts_before_end = ended_at is None or other_start < ended_at
        ends_after_start = other_end is None or other_end > started_at
        if starts_before_end and ends_after_start:
            raise SequenceError(MISSING_ALREADY)


def check_missing_end(*, already_ended: bool) -> None:
    if already_ended:
        raise SequenceError(MISSING_ALREADY_ENDED)


def check_return_interview(
    *,
    returned_at: dt.datetime | None,
    offered: bool,
    done_at: dt.datetime | None,
    accepted: bool | None,
) -> None:
    """A return interview is offered after the child returns; only an offered one is accepted
    or held, and a held one was accepted and came after the return."""
    if returned_at is None:
        raise SequenceError(MISSING_NOT_RETURNED)
    if not offered and (done_at is not None or accepted is not None):
        raise SequenceError(INTERVIEW_NOT_OFFERED)
    if done_at is not None and accepted is False:
        raise SequenceError(INTERVIEW_HELD_NOT_ACCEPTED)
    if done_at is not None and done_at < returned_at:
        raise SequenceError(INTERVIEW_BEFORE_RETURN)


def check_youth_justice_age(*, outcome_on: dt.date, born_on: dt.date) -> None:
    if age_on(born_on=born_on, on=outcome_on) < 10:
        raise SequenceError(YOUTH_JUSTICE_UNDER_10)

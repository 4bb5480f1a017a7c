"""Rules for a child's family and relationships: the people around the child, how each is
related to them, and who the child lives with.

Pure Python over plain values, like `journey.domain.sequence`: each rule returns None when the
record can be made and raises `SequenceError` with one of the messages below when not.

A relationship is recorded once per person and kind (a person may be both a parent and a
foster carer, but not the child's mother twice). Living with the child is a run of periods
(a child goes home from care to the parent they lived with before): each starts no earlier
than the child's birth and ends (when the child stops living with them) on or after the day
it started, one at a time, each after the last ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lineofsight.journey.domain.sequence import END_BEFORE_START, Period, SequenceError

PERSON_NAME_REQUIRED = "Enter the person's given name and family name."
PERSON_OR_NEW_PERSON = (
    "Name one person: either someone already recorded, or the details of someone new."
)
RELATIONSHIP_ALREADY_RECORDED = (
    "That relationship is already recorded: the person is already recorded as this to the child."
)
LIVES_WITH_END_WITHOUT_START = (
    "Record when the child started living with the person before recording when they stopped."
)
LIVES_WITH_UNBORN = "The child is not born yet: record who the child lives with once they are born."
LIVES_WITH_BEFORE_BIRTH = (
    "The child cannot have started living with someone before the child was born."
)
NOT_LIVING_WITH = "The child is not recorded as living with this person."
LIVES_WITH_ALREADY_ENDED = "The child is already recorded as no longer living with this person."
LIVES_WITH_ALREADY = (
    "The child is already recorded as living with this person: record when they stopped first."
)
LIVES_WITH_AGAIN_BEFORE_LAST_ENDED = (
    "The child was living with this person then: a new period starts on or after the day the "
    "last one ended."
)

__all__ = [
    "END_BEFORE_START",
    "LIVES_WITH_AGAIN_BEFORE_LAST_ENDED",
    "LIVES_WITH_ALREADY",
    "LIVES_WITH_ALREADY_ENDED",
    "LIVES_WITH_BEFORE_BIRTH",
    "LIVES_WITH_END_WITHOUT_START",
    "LIVES_WITH_UNBORN",
    "NOT_LIVING_WITH",
    "PERSON_NAME_REQUIRED",
    "PERSON_OR_NEW_PERSON",
    "RELATIONSHIP_ALREADY_RECORDED",
    "SequenceError",
    "check_lives_with",
    "check_lives_with_again",
    "check_lives_with_end",
    "check_one_person",
    "check_person_named",
    "check_relationship_new",
]


def check_person_named(*, given_name: str, family_name: str) -> None:
    if not given_name.strip() or not family_name.strip():
        raise SequenceError(PERSON_NAME_REQUIRED)


def check_one_person(*, person_named: bool, new_person_given: bool) -> None:
    if person_named == new_person_given:
        raise SequenceError(PERSON_OR_NEW_PERSON)


def check_relationship_new(*, already_recorded: bool) -> None:
    if already_recorded:
        raise SequenceError(RELATIONSHIP_ALREADY_RECORDED)


def check_lives_with(
    *, lives_from: dt.date | None, lives_to: dt.date | None, born_on: dt.date | None
) -> None:
    """A period of living with the child: it has a start if it has an end, starts no earlier
    than the birth, and ends on or after it starts."""
    if lives_from is None:
        if lives_to is not None:
            raise SequenceError(LIVES_WITH_END_WITHOUT_START)
        return
    if born_on is None:
        raise SequenceError(LIVES_WITH_UNBORN)
    if lives_from < born_on:
        raise SequenceError(LIVES_WITH_BEFORE_BIRTH)
    if lives_to is not None and lives_to < lives_from:
        raise SequenceError(END_BEFORE_START)


def check_lives_with_end(
    *, lives_from: dt.date | None, already_ended: bool, lives_to: dt.date
) -> None:
    """The child stops living with someone they are recorded as living with now, once:
    `lives_from` is the open period's start, `already_ended` says every period has ended."""
    if already_ended:
        raise SequenceError(LIVES_WITH_ALREADY_ENDED)
    if lives_from is None:
        raise SequenceError(NOT_LIVING_WITH)
    if lives_to < lives_from:
        raise SequenceError(END_BEFORE_START)


def check_lives_with_again(
    *, started_on: dt.date, born_on: dt.date | None, periods: Sequence[Period]
) -> None:
    """The child starts living with someone (again): not while recorded as living with them,
    and not before the last period with them ended."""
    if any(end is None for _, end in periods):
        raise SequenceError(LIVES_WITH_ALREADY)
    if any(started_on <= start or (end is not None and started_on < end) for start, end in periods):
        raise SequenceError(LIVES_WITH_AGAIN_BEFORE_LAST_ENDED)
    check_lives_with(lives_from=started_on, lives_to=None, born_on=born_on)

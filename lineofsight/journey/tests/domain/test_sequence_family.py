"""The family and relationship rules on plain values: each allows the possible record and
refuses the other."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lineofsight.journey.domain.sequence import END_BEFORE_START, SequenceError
from lineofsight.people.domain import sequence_family as rules

D = dt.date
BORN = D(2010, 5, 17)


def refused(message: str) -> pytest.RaisesExc[SequenceError]:
    """Expect a SequenceError carrying exactly this message."""
    return pytest.raises(SequenceError, match=f"^{re.escape(message)}$")


def test_a_person_with_both_names_is_allowed() -> None:
    rules.check_person_named(given_name="Demelza", family_name="Examplesmith")


@pytest.mark.parametrize(("given", "family"), [("", "Examplesmith"), ("Demelza", "  ")])
def test_a_person_missing_a_name_is_refused(given: str, family: str) -> None:
    with refused(rules.PERSON_NAME_REQUIRED):
        rules.check_person_named(given_name=given, family_name=family)


def test_exactly_one_person_is_named() -> None:
    rules.check_one_person(person_named=True, new_person_given=False)
    rules.check_one_person(person_named=False, new_person_given=True)
    for both in (True, False):
        with refused(rules.PERSON_OR_NEW_PERSON):
            rules.check_one_person(person_named=both, new_person_given=both)


def test_a_relationship_is_recorded_once() -> None:
    rules.check_relationship_new(already_recorded=False)
    with refused(rules.RELATIONSHIP_ALREADY_RECORDED):
        rules.check_relationship_new(already_recorded=True)


@pytest.mark.parametrize(
    ("lives_from", "lives_to", "born_on"),
    [
        (None, None, None),
        (None, None, BORN),
        (BORN, None, BORN),
        (BORN, BORN, BORN),
        (D(2012, 1, 1), D(2016, 1, 1), BORN),
    ],
)
def test_possible_household_periods_are_allowed(
    lives_from: dt.date | None, lives_to: dt.date | None, born_on: dt.date | None
) -> None:
    rules.check_lives_with(lives_from=lives_from, lives_to=lives_to, born_on=born_on)


@pytest.mark.parametrize(
    ("lives_from", "lives_to", "born_on", "message"),
    [
        (None, D(2016, 1, 1), BORN, rules.LIVES_WITH_END_WITHOUT_START),
        (D(2016, 1, 1), None, None, rules.LIVES_WITH_UNBORN),
        (D(2010, 5, 16), None, BORN, rules.LIVES_WITH_BEFORE_BIRTH),
        (D(2016, 1, 2), D(2016, 1, 1), BORN, END_BEFORE_START),
    ],
)
def test_impossible_household_periods_are_refused(
    lives_from: dt.date | None, lives_to: dt.date | None, born_on: dt.date | None, message: str
) -> None:
    with refused(message):
        rules.check_lives_with(lives_from=lives_from, lives_to=lives_to, born_on=born_on)


def test_the_child_stops_living_with_someone_on_or_after_the_start() -> None:
    rules.check_lives_with_end(lives_from=BORN, already_ended=False, lives_to=BORN)
    rules.check_lives_with_end(lives_from=BORN, already_ended=False, lives_to=D(2017, 1, 1))


@pytest.mark.parametrize(
    ("lives_from", "already_ended", "lives_to", "message"),
    [
        (None, False, D(2017, 1, 1), rules.NOT_LIVING_WITH),
        (None, True, D(2017, 1, 1), rules.LIVES_WITH_ALREADY_ENDED),
        (BORN, False, D(2010, 5, 16), END_BEFORE_START),
    ],
)
def test_an_impossible_end_of_living_together_is_refused(
    lives_from: dt.date | None, already_ended: bool, lives_to: dt.date, message: str
) -> None:
    with refused(message):
        rules.check_lives_with_end(
            lives_from=lives_from, already_ended=already_ended, lives_to=lives_to
        )


def test_the_child_lives_with_someone_again_after_the_last_period_ended() -> None:
    ended = [(BORN, D(2015, 3, 1))]
    rules.check_lives_with_again(started_on=D(2015, 3, 1), born_on=BORN, periods=ended)
    rules.check_lives_with_again(started_on=D(2017, 2, 14), born_on=BORN, periods=ended)
    rules.check_lives_with_again(started_on=BORN, born_on=BORN, periods=[])


@pytest.mark.parametrize(
    ("started_on", "periods", "message"),
    [
        (D(2017, 2, 14), [(BORN, None)], rules.LIVES_WITH_ALREADY),
        (D(2017, 2, 14), [(BORN, D(2015, 3, 1)), (D(2016, 1, 1), None)], rules.LIVES_WITH_ALREADY),
        (D(2015, 2, 28), [(BORN, D(2015, 3, 1))], rules.LIVES_WITH_AGAIN_BEFORE_LAST_ENDED),
        (D(2012, 1, 1), [(D(2013, 1, 1), D(2014, 1, 1))], rules.LIVES_WITH_AGAIN_BEFORE_LAST_ENDED),
        (D(2010, 5, 16), [], rules.LIVES_WITH_BEFORE_BIRTH),
    ],
)
def test_living_with_someone_again_too_soon_is_refused(
    started_on: dt.date, periods: list[tuple[dt.date, dt.date | None]], message: str
) -> None:
    with refused(message):
        rules.check_lives_with_again(started_on=started_on, born_on=BORN, periods=periods)

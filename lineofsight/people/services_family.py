"""Writes for a child's family and relationships: the people around the child, how each is
related to them, and when the child starts and stops living with one of them.

A person is written only about a child the acting user may change: `relationship_record`
creates the person it names when they are new, and links someone already recorded only when
the user may open the record of a child they are already related to (a parent of a sibling).
Every write is audited under the child's id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lineofsight.accounts.access import child_access_allowed
from lineofsight.accounts.models import User
from lineofsight.core.selectors import council_today
from lineofsight.journey.domain import sequence as sequence_rules
from lineofsight.journey.services._steps import child_for_write, record_changed, record_created
from lineofsight.people.constants import Sex
from lineofsight.people.domain import sequence_family as rules
from lineofsight.people.models import Child, HouseholdPeriod, Person, Relationship

PERSON_NOT_KNOWN = "You cannot link this person: they are not related to a child you can open."


@dataclass(frozen=True)
class NewPerson:
    """The details of a person not yet recorded, as a recording form gives them."""

    given_name: str
    family_name: str
    born_on: dt.date | None = None
    sex: str = Sex.UNKNOWN
    address: str = ""
    postcode: str = ""


def _check_not_in_future(*days: dt.date | None) -> None:
    today = council_today()
    for day in days:
        if day is not None:
            sequence_rules.check_not_in_future(on=day, today=today)


def _known_to(person: Person, acting_user: User) -> bool:
    """Whether the user may open the record of a child the person is related to."""
    children = Child.objects.filter(relationships__person=person).distinct()
    return any(child_access_allowed(acting_user, child) for child in children)


@transaction.atomic
def person_record(
    *,
    child: Child,
    given_name: str,
    family_name: str,
    born_on: dt.date | None = None,
    sex: str = Sex.UNKNOWN,
    address: str = "",
    postcode: str = "",
    acting_user: User,
) -> Person:
    """Record a person in the child's life; `relationship_record` says how they are related."""
    child = child_for_write(child, acting_user)
    rules.check_person_named(given_name=given_name, family_name=family_name)
    _check_not_in_future(born_on)
    return record_created(
        Person,
        child=child,
        acting_user=acting_user,
        prefix="PER",
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        born_on=born_on,
        sex=sex,
        address=address.strip(),
        postcode=postcode.strip().upper(),
    )


@transaction.atomic
def relationship_record(
    *,
    child: Child,
    relationship_type: str,
    person: Person | None = None,
    new_person: NewPerson | None = None,
    has_parental_responsibility: bool = False,
    lives_with_child_from: dt.date | None = None,
    lives_with_child_to: dt.date | None = None,
    acting_user: User,
) -> Relationship:
    """Record how a person is related to the child: someone already recorded (`person`), or
    someone new (`new_person`), who is recorded first."""
    child = child_for_write(child, acting_user)
    rules.check_one_person(person_named=person is not None, new_person_given=new_person is not None)
    if person is not None:
        person = Person.objects.select_for_update().get(pk=person.pk)
        if not _known_to(person, acting_user):
            raise PermissionDenied(PERSON_NOT_KNOWN)
        rules.check_relationship_new(
            already_recorded=Relationship.objects.filter(
                child=child, person=person, relationship_type=relationship_type
            ).exists()
        )
    _check_not_in_future(lives_with_child_from, lives_with_child_to)
    rules.check_lives_with(
        lives_from=lives_with_child_from, lives_to=lives_with_child_to, born_on=child.born_on
    )
    if new_person is not None:
        person = person_record(
            child=child,
            given_name=new_person.given_name,
            family_name=new_person.family_name,
            born_on=new_person.born_on,
            sex=new_person.sex,
            address=new_person.address,
            postcode=new_person.postcode,
            acting_user=acting_user,
        )
    assert person is not None  # for the type checker: `check_one_person` refused neither
    relationship = record_created(
        Relationship,
        child=child,
        acting_user=acting_user,
        prefix="REL",
        person=person,
        relationship_type=relationship_type,
        has_parental_responsibility=has_parental_responsibility,
    )
    if lives_with_child_from is not None:
        record_created(
            HouseholdPeriod,
            child=child,
            acting_user=acting_user,
            prefix="HH",
            relationship=relationship,
            started_on=lives_with_child_from,
            ended_on=lives_with_child_to,
        )
    return relationship


def _periods(relationship: Relationship) -> list[HouseholdPeriod]:
    """The relationship's periods of living together, earliest first (the child's lock, taken
    by `child_for_write`, keeps two writes for the child from crossing)."""
    return list(HouseholdPeriod.objects.filter(relationship=relationship).order_by("started_on"))


@transaction.atomic
def household_period_start(
    *, relationship: Relationship, started_on: dt.date, acting_user: User
) -> HouseholdPeriod:
    """Record the day the child started living with someone already in their record: for the
    first time, or again (home from care to a parent they lived with before)."""
    child = child_for_write(relationship.child, acting_user)
    rules.check_lives_with_again(
        started_on=started_on,
        born_on=child.born_on,
        periods=[(period.started_on, period.ended_on) for period in _periods(relationship)],
    )
    _check_not_in_future(started_on)
    return record_created(
        HouseholdPeriod,
        child=child,
        acting_user=acting_user,
        prefix="HH",
        relationship=relationship,
        started_on=started_on,
    )


@transaction.atomic
def household_period_end(
    *, relationship: Relationship, ended_on: dt.date, acting_user: User
) -> HouseholdPeriod:
    """Record the day the child stopped living with the person. The relationship itself
    stays: a mother is still the child's mother when the child no longer lives with her."""
    child = child_for_write(relationship.child, acting_user)
    periods = _periods(relationship)
    current = next((period for period in periods if period.ended_on is None), None)
    rules.check_lives_with_end(
        lives_from=current.started_on if current else None,
        already_ended=current is None and bool(periods),
        lives_to=ended_on,
    )
    assert current is not None  # for the type checker: the rule above refused None
    _check_not_in_future(ended_on)
    return record_changed(current, child=child, acting_user=acting_user, ended_on=ended_on)

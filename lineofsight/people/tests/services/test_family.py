"""A child's family written through the services: people, relationships and the periods the
child lives with someone (ended, and started again), with their audit rows; each refused record
(nothing written); and a worker with no access to the child (nothing written)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied

from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain.sequence import DATE_IN_FUTURE, END_BEFORE_START
from lineofsight.journey.tests.builders import (
    Case,
    D,
    allocate,
    child_create,
    social_worker_create,
    team_create,
)
from lineofsight.journey.tests.services.checks import refused_and_nothing_written, rows
from lineofsight.people.constants import RelationshipType, Sex
from lineofsight.people.domain import sequence_family as rules
from lineofsight.people.models import Child, HouseholdPeriod, Person, Relationship
from lineofsight.people.services_family import (
    PERSON_NOT_KNOWN,
    NewPerson,
    household_period_end,
    household_period_start,
    person_record,
    relationship_record,
)

pytestmark = pytest.mark.django_db

MOTHER = NewPerson(
    given_name=" Demelza ",
    family_name="Examplesmith",
    born_on=D(1988, 2, 11),
    sex=Sex.FEMALE,
    address="12 Sample Row, Testbury",
    postcode="tb1 2ab ",
)


def mother_recorded(case: Case, **kwargs: dt.date) -> Relationship:
    return relationship_record(
        child=case.child,
        relationship_type=RelationshipType.MOTHER,
        new_person=MOTHER,
        has_parental_responsibility=True,
        lives_with_child_from=kwargs.get("lives_from", D(2010, 5, 17)),
        acting_user=case.user,
    )


def audits_of(record: Person | Relationship | HouseholdPeriod) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(record_key=record.key))


def periods(relationship: Relationship) -> list[tuple[dt.date, dt.date | None]]:
    return list(
        relationship.household_periods.order_by("started_on").values_list("started_on", "ended_on")
    )


# ---- people and relationships ---------------------------------------------------------------


def test_a_new_person_and_their_relationship_are_recorded_and_audited(case: Case) -> None:
    relationship = mother_recorded(case)
    person = Person.objects.get()
    assert person.key.startswith("PER-")
    assert (person.given_name, person.family_name, person.born_on, person.sex) == (
        "Demelza",
        "Examplesmith",
        D(1988, 2, 11),
        Sex.FEMALE,
    )
    assert (person.address, person.postcode) == ("12 Sample Row, Testbury", "TB1 2AB")
    assert relationship.key.startswith("REL-")
    assert relationship.person == person
    assert relationship.child == case.child
    assert relationship.relationship_type == RelationshipType.MOTHER
    assert relationship.has_parental_responsibility
    assert periods(relationship) == [(D(2010, 5, 17), None)]
    assert relationship.living_with_since == D(2010, 5, 17)
    period = HouseholdPeriod.objects.get()
    assert period.key.startswith("HH-")
    for record, record_type in (
        (person, "person"),
        (relationship, "relationship"),
        (period, "household_period"),
    ):
        (event,) = audits_of(record)
        assert (event.action, event.record_type, event.child_id, event.actor) == (
            AuditAction.CREATED,
            record_type,
            case.child.child_id,
            case.user,
        )


def test_a_person_is_recorded_on_their_own_and_audited_under_the_child(case: Case) -> None:
    person = person_record(
        child=case.child, given_name="Jory", family_name="Testwood", acting_user=case.user
    )
    assert person.key.startswith("PER-")
    assert person.sex == Sex.UNKNOWN
    assert person.born_on is None
    (event,) = audits_of(person)
    assert event.child_id == case.child.child_id


def test_someone_already_recorded_is_given_a_second_relationship(case: Case) -> None:
    person = mother_recorded(case).person
    carer = relationship_record(
        child=case.child,
        relationship_type=RelationshipType.FOSTER_CARER,
        person=person,
        acting_user=case.user,
    )
    assert carer.person == person
    assert Person.objects.count() == 1
    assert Relationship.objects.count() == 2
    (event,) = audits_of(carer)
    assert event.action == AuditAction.CREATED


def test_a_parent_of_a_sibling_the_worker_can_open_is_linked_to_the_child(case: Case) -> None:
    sibling = child_create("TEST0002", born_on=D(2012, 8, 1))
    allocate(sibling, case.user, case.team)
    mother = relationship_record(
        child=sibling,
        relationship_type=RelationshipType.MOTHER,
        new_person=MOTHER,
        acting_user=case.user,
    ).person
    linked = relationship_record(
        child=case.child,
        relationship_type=RelationshipType.MOTHER,
        person=mother,
        acting_user=case.user,
    )
    assert set(Relationship.objects.filter(person=mother).values_list("child", flat=True)) == {
        case.child.pk,
        sibling.pk,
    }
    assert linked.person == mother


def test_a_relationship_recorded_with_its_household_period_closed(case: Case) -> None:
    relationship = relationship_record(
        child=case.child,
        relationship_type=RelationshipType.FATHER,
        new_person=NewPerson(given_name="Piran", family_name="Examplesmith"),
        lives_with_child_from=D(2010, 5, 17),
        lives_with_child_to=D(2014, 1, 6),
        acting_user=case.user,
    )
    assert periods(relationship) == [(D(2010, 5, 17), D(2014, 1, 6))]
    assert relationship.living_with_since is None


def test_a_relationship_recorded_with_no_household_period(case: Case) -> None:
    relationship = relationship_record(
        child=case.child,
        relationship_type=RelationshipType.AUNT_UNCLE,
        new_person=NewPerson(given_name="Tamsin", family_name="Testwood"),
        acting_user=case.user,
    )
    assert periods(relationship) == []
    assert HouseholdPeriod.objects.count() == 0


# ---- refused --------------------------------------------------------------------------------


def test_the_same_relationship_twice_is_refused_and_nothing_written(case: Case) -> None:
    person = mother_recorded(case).person
    with refused_and_nothing_written(rules.RELATIONSHIP_ALREADY_RECORDED):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.MOTHER,
            person=person,
            acting_user=case.user,
        )


def test_a_person_with_no_name_is_refused_and_nothing_written(case: Case) -> None:
    with refused_and_nothing_written(rules.PERSON_NAME_REQUIRED):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.AUNT_UNCLE,
            new_person=NewPerson(given_name="  ", family_name="Testwood"),
            acting_user=case.user,
        )


def test_a_person_born_in_the_future_is_refused_and_nothing_written(case: Case) -> None:
    with refused_and_nothing_written(DATE_IN_FUTURE):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.SIBLING,
            new_person=NewPerson(given_name="Kensa", family_name="Testwood", born_on=D(2018, 1, 1)),
            acting_user=case.user,
        )


def test_neither_or_both_people_named_is_refused_and_nothing_written(case: Case) -> None:
    person = mother_recorded(case).person
    with refused_and_nothing_written(rules.PERSON_OR_NEW_PERSON):
        relationship_record(
            child=case.child, relationship_type=RelationshipType.OTHER, acting_user=case.user
        )
    with refused_and_nothing_written(rules.PERSON_OR_NEW_PERSON):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.OTHER,
            person=person,
            new_person=MOTHER,
            acting_user=case.user,
        )


@pytest.mark.parametrize(
    ("lives_from", "lives_to", "message"),
    [
        (D(2017, 10, 1), None, DATE_IN_FUTURE),
        (D(2016, 1, 1), D(2017, 10, 1), DATE_IN_FUTURE),
        (D(2016, 1, 1), D(2015, 12, 31), END_BEFORE_START),
        (None, D(2016, 1, 1), rules.LIVES_WITH_END_WITHOUT_START),
        (D(2010, 5, 16), None, rules.LIVES_WITH_BEFORE_BIRTH),
    ],
)
def test_impossible_household_dates_are_refused_and_nothing_written(
    case: Case, lives_from: dt.date | None, lives_to: dt.date | None, message: str
) -> None:
    with refused_and_nothing_written(message):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.GRANDPARENT,
            new_person=NewPerson(given_name="Jenifer", family_name="Testwood"),
            lives_with_child_from=lives_from,
            lives_with_child_to=lives_to,
            acting_user=case.user,
        )


def test_an_unborn_child_living_with_someone_is_refused_and_nothing_written(case: Case) -> None:
    unborn = child_create("TEST0003", expected_birth_on=D(2017, 12, 1))
    allocate(unborn, case.user, case.team)
    with refused_and_nothing_written(rules.LIVES_WITH_UNBORN):
        relationship_record(
            child=unborn,
            relationship_type=RelationshipType.MOTHER,
            new_person=MOTHER,
            lives_with_child_from=D(2017, 9, 1),
            acting_user=case.user,
        )


# ---- the child stops and starts living with someone -----------------------------------------


def test_the_child_stops_living_with_someone_and_it_is_audited(case: Case) -> None:
    relationship = mother_recorded(case)
    ended = household_period_end(
        relationship=relationship, ended_on=D(2017, 6, 2), acting_user=case.user
    )
    assert periods(relationship) == [(D(2010, 5, 17), D(2017, 6, 2))]
    assert ended.ended_on == D(2017, 6, 2)
    event = AuditEvent.objects.get(record_key=ended.key, action=AuditAction.CHANGED)
    assert event.detail == {"fields": ["ended_on"]}
    assert (event.record_type, event.child_id) == ("household_period", case.child.child_id)


def test_a_child_going_home_lives_with_the_parent_again_and_it_is_audited(case: Case) -> None:
    relationship = mother_recorded(case)
    household_period_end(relationship=relationship, ended_on=D(2016, 3, 1), acting_user=case.user)
    home = household_period_start(
        relationship=relationship, started_on=D(2017, 2, 14), acting_user=case.user
    )
    assert periods(relationship) == [(D(2010, 5, 17), D(2016, 3, 1)), (D(2017, 2, 14), None)]
    assert relationship.living_with_since == D(2017, 2, 14)
    (event,) = audits_of(home)
    assert (event.action, event.record_type, event.child_id) == (
        AuditAction.CREATED,
        "household_period",
        case.child.child_id,
    )
    # and stops again: the open period is the one that ends
    household_period_end(relationship=relationship, ended_on=D(2017, 6, 2), acting_user=case.user)
    assert periods(relationship)[-1] == (D(2017, 2, 14), D(2017, 6, 2))


def test_the_child_starts_living_with_someone_recorded_without_a_period(case: Case) -> None:
    relationship = relationship_record(
        child=case.child,
        relationship_type=RelationshipType.GRANDPARENT,
        new_person=NewPerson(given_name="Jenifer", family_name="Testwood"),
        acting_user=case.user,
    )
    household_period_start(
        relationship=relationship, started_on=D(2016, 9, 5), acting_user=case.user
    )
    assert periods(relationship) == [(D(2016, 9, 5), None)]


@pytest.mark.parametrize(
    ("started_on", "message"),
    [
        (D(2016, 2, 29), rules.LIVES_WITH_AGAIN_BEFORE_LAST_ENDED),
        (D(2010, 5, 17), rules.LIVES_WITH_AGAIN_BEFORE_LAST_ENDED),
        (D(2017, 10, 1), DATE_IN_FUTURE),
    ],
)
def test_living_with_someone_again_too_early_or_in_the_future_is_refused(
    case: Case, started_on: dt.date, message: str
) -> None:
    relationship = mother_recorded(case)
    household_period_end(relationship=relationship, ended_on=D(2016, 3, 1), acting_user=case.user)
    with refused_and_nothing_written(message):
        household_period_start(
            relationship=relationship, started_on=started_on, acting_user=case.user
        )


def test_starting_while_already_living_with_them_is_refused(case: Case) -> None:
    relationship = mother_recorded(case)
    with refused_and_nothing_written(rules.LIVES_WITH_ALREADY):
        household_period_start(
            relationship=relationship, started_on=D(2017, 2, 14), acting_user=case.user
        )


def test_ending_twice_is_refused_and_nothing_written(case: Case) -> None:
    relationship = mother_recorded(case)
    household_period_end(relationship=relationship, ended_on=D(2017, 6, 2), acting_user=case.user)
    with refused_and_nothing_written(rules.LIVES_WITH_ALREADY_ENDED):
        household_period_end(
            relationship=relationship, ended_on=D(2017, 7, 1), acting_user=case.user
        )
    assert periods(relationship) == [(D(2010, 5, 17), D(2017, 6, 2))]


def test_ending_for_someone_the_child_never_lived_with_is_refused(case: Case) -> None:
    relationship = relationship_record(
        child=case.child,
        relationship_type=RelationshipType.FAMILY_FRIEND,
        new_person=NewPerson(given_name="Loveday", family_name="Testwood"),
        acting_user=case.user,
    )
    with refused_and_nothing_written(rules.NOT_LIVING_WITH):
        household_period_end(
            relationship=relationship, ended_on=D(2017, 6, 2), acting_user=case.user
        )


@pytest.mark.parametrize(
    ("lives_to", "message"),
    [(D(2010, 5, 16), END_BEFORE_START), (D(2017, 10, 1), DATE_IN_FUTURE)],
)
def test_an_impossible_end_is_refused_and_nothing_written(
    case: Case, lives_to: dt.date, message: str
) -> None:
    relationship = mother_recorded(case)
    with refused_and_nothing_written(message):
        household_period_end(relationship=relationship, ended_on=lives_to, acting_user=case.user)
    assert periods(relationship) == [(D(2010, 5, 17), None)]


# ---- access ---------------------------------------------------------------------------------


def test_a_worker_with_no_access_to_the_child_is_denied_and_nothing_written(case: Case) -> None:
    relationship = mother_recorded(case)
    stranger = social_worker_create("SW002", team_create("SAFE2"), "other.sw")
    before = rows()
    with pytest.raises(PermissionDenied):
        person_record(
            child=case.child, given_name="Jory", family_name="Testwood", acting_user=stranger
        )
    with pytest.raises(PermissionDenied):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.SIBLING,
            new_person=NewPerson(given_name="Jory", family_name="Testwood"),
            acting_user=stranger,
        )
    with pytest.raises(PermissionDenied):
        household_period_end(
            relationship=relationship, ended_on=D(2017, 6, 2), acting_user=stranger
        )
    with pytest.raises(PermissionDenied):
        household_period_start(
            relationship=relationship, started_on=D(2017, 6, 2), acting_user=stranger
        )
    assert rows() == before


def test_linking_a_person_known_only_through_a_child_the_worker_cannot_open_is_denied(
    case: Case,
) -> None:
    """Linking would show the worker someone from a record they cannot open."""
    their_team = team_create("SAFE2")
    stranger = social_worker_create("SW002", their_team, "other.sw")
    theirs = child_create("TEST0009", born_on=D(2011, 3, 3))
    allocate(theirs, stranger, their_team)
    person = relationship_record(
        child=theirs,
        relationship_type=RelationshipType.FATHER,
        new_person=NewPerson(given_name="Piran", family_name="Testwood"),
        acting_user=stranger,
    ).person
    before = rows()
    with pytest.raises(PermissionDenied, match=re.escape(PERSON_NOT_KNOWN)):
        relationship_record(
            child=case.child,
            relationship_type=RelationshipType.FATHER,
            person=person,
            acting_user=case.user,
        )
    assert rows() == before
    assert not Child.objects.get(pk=case.child.pk).relationships.exists()

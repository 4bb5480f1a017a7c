"""Restricted records: the services that restrict, lift and name, and what a restriction does
to the access rules and to lists of children (the denials are in test_access_denials.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.exceptions import PermissionDenied
from pytest_django.fixtures import Settings

from lineofsight.accounts import services
from lineofsight.accounts.access import (
    child_access_allowed,
    child_ids_restricted_from,
    children_visible_among,
)
from lineofsight.accounts.domain import restriction as rules
from lineofsight.accounts.models import RestrictedRecord, RestrictedViewer, RestrictionReason, Role
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.journey.domain.sequence import SequenceError
from lineofsight.journey.services._steps import child_for_write
from lineofsight.timescales.tests.scenarios import TODAY, Scenario, team_scenario, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def scenario(db: None) -> Scenario:
    return team_scenario()


def restrict(scenario: Scenario, child_id: str, *names: str, by: str = "hana") -> RestrictedRecord:
    return services.child_record_restrict(
        child=scenario.child(child_id),
        reason=RestrictionReason.STAFF_CONNECTION,
        viewers=[scenario.user(name) for name in names],
        acting_user=scenario.user(by),
    )


def allowed(scenario: Scenario, name: str, child_id: str) -> bool:
    return child_access_allowed(scenario.user(name), scenario.child(child_id))


@contextmanager
def nothing_written() -> Iterator[None]:
    before = (
        RestrictedRecord.objects.count(),
        RestrictedViewer.objects.count(),
        AuditEvent.objects.count(),
    )
    yield
    after = (
        RestrictedRecord.objects.count(),
        RestrictedViewer.objects.count(),
        AuditEvent.objects.count(),
    )
    assert after == before


@contextmanager
def refused(message: str) -> Iterator[None]:
    with nothing_written(), pytest.raises(SequenceError, match=message):
        yield


# --- Restricting ----------------------------------------------------------------------------------


def test_restricting_writes_the_restriction_the_people_named_and_an_audit_row_each(
    scenario: Scenario,
) -> None:
    restriction = services.child_record_restrict(
        child=scenario.child("C1"),
        reason=RestrictionReason.SEALED_ADOPTION,
        note="Adoption order made",
        viewers=[scenario.user("sam"), scenario.user("tina"), scenario.user("sam")],
        acting_user=scenario.user("hana"),
    )

    restriction.refresh_from_db()
    assert restriction.key.startswith("RST-")
    assert restriction.child == scenario.child("C1")
    assert restriction.reason == RestrictionReason.SEALED_ADOPTION
    assert restriction.note == "Adoption order made"
    assert (restriction.restricted_on, restriction.restricted_by) == (TODAY, scenario.user("hana"))
    assert restriction.lifted_on is None
    assert {user.username for user in restriction.viewers.all()} == {"sam", "tina"}
    named = RestrictedViewer.objects.get(user=scenario.user("sam"))
    assert named.key.startswith("RSV-")
    assert (named.named_on, named.named_by) == (TODAY, scenario.user("hana"))
    events = AuditEvent.objects.order_by("pk")
    assert [(e.action, e.record_type, e.child_id) for e in events] == [
        (AuditAction.CREATED, "restricted_record", "C1"),
        (AuditAction.CREATED, "restricted_viewer", "C1"),
        (AuditAction.CREATED, "restricted_viewer", "C1"),
    ]
    assert events[0].record_key == restriction.key
    assert events[0].actor == scenario.user("hana")
    assert events[0].detail["fields"] == ["reason", "note", "restricted_on", "restricted_by"]


def test_an_administrator_may_restrict_a_record_they_cannot_open(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam", by="admin")

    assert RestrictedRecord.objects.get().restricted_by == scenario.user("admin")
    assert not allowed(scenario, "admin", "C1")


@pytest.mark.parametrize("name", ["sam", "tina", "bea", "analyst", "councillor", "ivy"])
def test_only_a_head_of_service_or_administrator_may_restrict(
    scenario: Scenario, name: str
) -> None:
    with nothing_written(), pytest.raises(PermissionDenied):
        restrict(scenario, "C1", "sam", by=name)


def test_an_inactive_head_of_service_may_not_restrict(scenario: Scenario) -> None:
    hana = scenario.user("hana")
    hana.is_active = False
    hana.save(update_fields=["is_active"])

    with nothing_written(), pytest.raises(PermissionDenied):
        restrict(scenario, "C1", "sam")


def test_a_record_already_restricted_is_not_restricted_again(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    with refused(rules.ALREADY_RESTRICTED):
        restrict(scenario, "C1", "tina")


def test_a_restriction_names_someone(scenario: Scenario) -> None:
    with refused(rules.NOBODY_NAMED):
        restrict(scenario, "C1")


def test_a_restriction_has_a_reason_from_the_list(scenario: Scenario) -> None:
    with refused(rules.UNKNOWN_REASON):
        services.child_record_restrict(
            child=scenario.child("C1"),
            reason="gossip",
            viewers=[scenario.user("sam")],
            acting_user=scenario.user("hana"),
        )


@pytest.mark.parametrize("name", ["analyst", "admin", "councillor"])
def test_a_person_whose_role_opens_no_record_is_not_named(scenario: Scenario, name: str) -> None:
    with refused(rules.ROLE_SEES_NO_RECORDS):
        restrict(scenario, "C1", "sam", name)


# --- Lifting --------------------------------------------------------------------------------------


def test_lifting_dates_the_restriction_and_is_audited(scenario: Scenario) -> None:
    restriction = restrict(scenario, "C1", "sam")
    AuditEvent.objects.all().delete()

    services.child_record_restriction_lift(
        child=scenario.child("C1"), acting_user=scenario.user("admin")
    )

    restriction.refresh_from_db()
    assert (restriction.lifted_on, restriction.lifted_by) == (TODAY, scenario.user("admin"))
    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.record_key, event.child_id) == (
        AuditAction.CHANGED,
        "restricted_record",
        restriction.key,
        "C1",
    )
    assert event.detail == {"fields": ["lifted_on", "lifted_by"]}
    assert allowed(scenario, "tina", "C1")  # the role rules alone again


def test_lifting_needs_a_restriction_in_force(scenario: Scenario) -> None:
    with refused(rules.NOT_RESTRICTED):
        services.child_record_restriction_lift(
            child=scenario.child("C1"), acting_user=scenario.user("hana")
        )


def test_a_lifted_record_can_be_restricted_again(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")
    services.child_record_restriction_lift(
        child=scenario.child("C1"), acting_user=scenario.user("hana")
    )
    restrict(scenario, "C1", "tina")

    assert RestrictedRecord.objects.filter(child=scenario.child("C1")).count() == 2
    assert not allowed(scenario, "sam", "C1")
    assert allowed(scenario, "tina", "C1")


def test_a_social_worker_may_not_lift_a_restriction(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    with nothing_written(), pytest.raises(PermissionDenied):
        services.child_record_restriction_lift(
            child=scenario.child("C1"), acting_user=scenario.user("sam")
        )


# --- Naming one more person -----------------------------------------------------------------------


def test_naming_a_viewer_writes_a_row_and_an_audit_row_and_opens_the_record(
    scenario: Scenario,
) -> None:
    restriction = restrict(scenario, "C1", "sam")
    AuditEvent.objects.all().delete()
    assert not allowed(scenario, "tina", "C1")

    named = services.restricted_record_name_viewer(
        child=scenario.child("C1"), viewer=scenario.user("tina"), acting_user=scenario.user("hana")
    )

    assert (named.restriction, named.user, named.named_by) == (
        restriction,
        scenario.user("tina"),
        scenario.user("hana"),
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.record_type, event.record_key, event.child_id) == (
        AuditAction.CREATED,
        "restricted_viewer",
        named.key,
        "C1",
    )
    assert allowed(scenario, "tina", "C1")


def test_a_manager_may_not_name_themselves_on_a_restriction_in_force(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    with refused(rules.NAMING_ONESELF):
        services.restricted_record_name_viewer(
            child=scenario.child("C1"),
            viewer=scenario.user("hana"),
            acting_user=scenario.user("hana"),
        )


def test_another_head_of_service_may_name_one(scenario: Scenario) -> None:
    hugo = user_create("hugo", Role.HEAD_OF_SERVICE)
    restrict(scenario, "C1", "sam")

    services.restricted_record_name_viewer(
        child=scenario.child("C1"), viewer=scenario.user("hana"), acting_user=hugo
    )

    assert allowed(scenario, "hana", "C1")
    assert not child_access_allowed(hugo, scenario.child("C1"))


def test_a_person_is_named_once(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    with refused(rules.ALREADY_NAMED):
        services.restricted_record_name_viewer(
            child=scenario.child("C1"),
            viewer=scenario.user("sam"),
            acting_user=scenario.user("hana"),
        )


def test_naming_needs_a_restriction_in_force(scenario: Scenario) -> None:
    with refused(rules.NOT_RESTRICTED):
        services.restricted_record_name_viewer(
            child=scenario.child("C1"),
            viewer=scenario.user("sam"),
            acting_user=scenario.user("hana"),
        )


def test_naming_a_role_that_opens_no_record_is_refused(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    with refused(rules.ROLE_SEES_NO_RECORDS):
        services.restricted_record_name_viewer(
            child=scenario.child("C1"),
            viewer=scenario.user("analyst"),
            acting_user=scenario.user("hana"),
        )


def test_a_team_manager_may_not_name_anyone(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    with nothing_written(), pytest.raises(PermissionDenied):
        services.restricted_record_name_viewer(
            child=scenario.child("C1"),
            viewer=scenario.user("bea"),
            acting_user=scenario.user("tina"),
        )


# --- What a restriction does to access ------------------------------------------------------------


def test_a_named_allocated_worker_still_opens_the_record(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    assert allowed(scenario, "sam", "C1")


def test_a_named_head_of_service_opens_the_record(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam", "hana")

    assert allowed(scenario, "hana", "C1")


def test_being_named_does_not_widen_a_role(scenario: Scenario) -> None:
    """Named, but Sol holds no allocation of C1 and Tom's team has no part in it."""
    restrict(scenario, "C1", "sam", "sol", "tom")

    assert not allowed(scenario, "sol", "C1")
    assert not allowed(scenario, "tom", "C1")


def test_a_restriction_binds_only_its_own_child(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    assert allowed(scenario, "tina", "C2")
    assert allowed(scenario, "hana", "C2")


def test_an_unnamed_worker_cannot_write_to_a_restricted_record(scenario: Scenario) -> None:
    restrict(scenario, "C2", "tina")

    with pytest.raises(PermissionDenied):
        child_for_write(scenario.child("C2"), scenario.user("sam"))


# --- Lists of children ----------------------------------------------------------------------------


def test_a_list_hides_a_restricted_child_from_a_head_of_service_not_named(
    scenario: Scenario,
) -> None:
    restrict(scenario, "C1", "sam")

    assert children_visible_among(scenario.user("hana"), ["C1", "C2", "C3"]) == {"C2", "C3"}
    assert set(child_ids_restricted_from(scenario.user("hana"))) == {"C1"}


def test_a_list_hides_a_restricted_child_from_a_team_manager_not_named(
    scenario: Scenario,
) -> None:
    restrict(scenario, "C4", "hana")

    assert children_visible_among(scenario.user("tina"), ["C1", "C4"]) == {"C1"}


def test_a_list_shows_a_restricted_child_to_the_people_named(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam", "hana", "tina")

    assert children_visible_among(scenario.user("hana"), ["C1", "C2"]) == {"C1", "C2"}
    assert children_visible_among(scenario.user("tina"), ["C1"]) == {"C1"}
    assert not child_ids_restricted_from(scenario.user("hana")).exists()


def test_a_lifted_restriction_hides_nothing(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")
    services.child_record_restriction_lift(
        child=scenario.child("C1"), acting_user=scenario.user("hana")
    )

    assert children_visible_among(scenario.user("hana"), ["C1"]) == {"C1"}
    assert not child_ids_restricted_from(scenario.user("hana")).exists()

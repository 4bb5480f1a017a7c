"""Who viewed this child: the audit trail of one child's record, and who may read it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from pytest_django.fixtures import Settings

from lineofsight.accounts import services
from lineofsight.accounts.access import child_access_log_allowed, child_get_for_viewer
from lineofsight.accounts.models import RestrictionReason
from lineofsight.accounts.selectors_audit import child_access_log
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.timescales.tests.scenarios import TODAY, Scenario, team_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def scenario(db: None) -> Scenario:
    return team_scenario()


def log_allowed(scenario: Scenario, name: str, child_id: str) -> bool:
    return child_access_log_allowed(scenario.user(name), scenario.child(child_id))


def test_the_log_lists_every_event_about_the_child_newest_first(scenario: Scenario) -> None:
    child_get_for_viewer(scenario.user("sam"), "C1")
    child_get_for_viewer(scenario.user("tina"), "C2")  # another child: not in C1's log
    AuditEvent.objects.create(
        actor=scenario.user("tina"),
        action=AuditAction.CHANGED,
        record_type="visit",
        record_key="VIS-1",
        child_id="C1",
    )
    AuditEvent.objects.create(  # a list behind a scorecard number naming C1
        actor=scenario.user("hana"),
        action=AuditAction.VIEWED,
        record_type="indicator_children",
        record_key="board/NI/2017",
        detail={"child_ids": ["C1", "C3"]},
    )
    AuditEvent.objects.create(  # one naming C10 only: "C1" is not "C10"
        actor=scenario.user("hana"),
        action=AuditAction.VIEWED,
        record_type="indicator_children",
        record_key="board/NI/2016",
        detail={"child_ids": ["C10"]},
    )
    AuditEvent.objects.create(
        actor=None, action=AuditAction.LOADED, record_type="referral", child_id="C1"
    )

    log = child_access_log(viewer=scenario.user("tina"), child=scenario.child("C1"))

    assert [(e.username, e.action, e.record_type) for e in log] == [
        ("", "Loaded in bulk", "referral"),
        ("hana", "Viewed", "indicator_children"),
        ("tina", "Changed", "visit"),
        ("sam", "Viewed", "child"),
    ]
    assert log[0].who == "The system"
    assert log[-1].role == "Social worker"
    assert log[-1].who == "sam"  # no names on the test users: the username stands in
    assert [e.occurred_at for e in log] == sorted((e.occurred_at for e in log), reverse=True)


def test_reading_the_log_is_audited(scenario: Scenario) -> None:
    child_access_log(viewer=scenario.user("hana"), child=scenario.child("C3"))

    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.record_type, event.record_key, event.child_id) == (
        scenario.user("hana"),
        AuditAction.VIEWED,
        "access log",
        "C3",
        "C3",
    )
    # and it is in the log the next time
    assert [
        e.record_type
        for e in child_access_log(viewer=scenario.user("hana"), child=scenario.child("C3"))
    ] == ["access log"]


@pytest.mark.parametrize(
    ("name", "child_id"),
    [
        ("sam", "C1"),  # the allocated social worker
        ("pat", "C7"),  # the care leaver's personal adviser
        ("tina", "C1"),  # the manager of the child's team
        ("tina", "C4"),  # an unallocated child of her team
        ("tom", "C3"),
        ("hana", "C3"),  # a head of service
    ],
)
def test_the_case_holder_their_manager_and_heads_of_service_may_read_it(
    scenario: Scenario, name: str, child_id: str
) -> None:
    assert log_allowed(scenario, name, child_id)


@pytest.mark.parametrize(
    ("name", "child_id"),
    [
        ("sam", "C3"),  # another worker's child
        ("sam", "C9"),  # opens the record by a deadline, but does not hold the case
        ("sam", "C8"),  # an allocation that has ended
        ("ivy", "C3"),  # the IRO reviews the case but does not hold it
        ("bea", "C1"),  # business support open the record, not its trail
        ("tom", "C1"),  # the manager of another team
        ("analyst", "C1"),
        ("admin", "C1"),
        ("councillor", "C1"),
        ("nobody", "C1"),
    ],
)
def test_anyone_else_is_refused_and_nothing_is_audited(
    scenario: Scenario, name: str, child_id: str
) -> None:
    assert not log_allowed(scenario, name, child_id)
    with pytest.raises(PermissionDenied):
        child_access_log(viewer=scenario.user(name), child=scenario.child(child_id))
    assert not AuditEvent.objects.exists()


def test_a_restriction_closes_the_log_to_those_not_named(scenario: Scenario) -> None:
    services.child_record_restrict(
        child=scenario.child("C1"),
        reason=RestrictionReason.STAFF_CONNECTION,
        viewers=[scenario.user("sam")],
        acting_user=scenario.user("admin"),
    )

    assert log_allowed(scenario, "sam", "C1")
    assert not log_allowed(scenario, "hana", "C1")
    assert not log_allowed(scenario, "tina", "C1")


def test_an_inactive_head_of_service_is_refused(scenario: Scenario) -> None:
    hana = scenario.user("hana")
    hana.is_active = False
    hana.save(update_fields=["is_active"])

    assert not child_access_log_allowed(hana, scenario.child("C1"))

"""One denial per access rule in `accounts.access` not already shown elsewhere.

Already in test_access.py: a social worker refused another team's child (Sam, C3), an IRO or
personal adviser refused a child not allocated to them, business support refused another
team's child, analysts, administrators and elected members refused every named child, and an
inactive head of service refused. The access log's denials are in test_access_log.py, the
pseudonymised lists' in test_pseudonyms.py, the restriction services' in
test_restricted_records.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from pytest_django.fixtures import Settings

from lineofsight.accounts import access, services
from lineofsight.accounts.models import RestrictedRecord, RestrictedViewer, RestrictionReason, User
from lineofsight.core.models import AuditEvent
from lineofsight.timescales.tests.scenarios import TODAY, Scenario, team_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def scenario(db: None) -> Scenario:
    return team_scenario()


def restrict(scenario: Scenario, child_id: str, *names: str) -> None:
    services.child_record_restrict(
        child=scenario.child(child_id),
        reason=RestrictionReason.STAFF_CONNECTION,
        viewers=[scenario.user(name) for name in names],
        acting_user=scenario.user("admin"),
    )


def deactivate(user: User) -> User:
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


# --- Restricted records --------------------------------------------------------------------------


def test_a_restricted_child_is_refused_to_its_allocated_worker_not_named(
    scenario: Scenario,
) -> None:
    restrict(scenario, "C1", "tina")

    assert not access.child_access_allowed(scenario.user("sam"), scenario.child("C1"))


def test_a_restricted_child_is_refused_to_a_head_of_service_not_named(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    assert not access.child_access_allowed(scenario.user("hana"), scenario.child("C1"))


def test_a_restricted_child_is_refused_to_its_team_manager_not_named(scenario: Scenario) -> None:
    restrict(scenario, "C4", "hana")

    assert not access.child_access_allowed(scenario.user("tina"), scenario.child("C4"))


def test_a_restricted_child_is_refused_to_business_support_not_named(scenario: Scenario) -> None:
    restrict(scenario, "C1", "sam")

    assert not access.child_access_allowed(scenario.user("bea"), scenario.child("C1"))


def test_a_restricted_child_is_refused_to_an_analyst_even_if_named_in_error(
    scenario: Scenario,
) -> None:
    """The services refuse to name an analyst; were one named, the role rule still refuses."""
    restrict(scenario, "C1", "sam")
    RestrictedViewer.objects.create(
        key="RSV-TEST",
        restriction=RestrictedRecord.objects.get(),
        user=scenario.user("analyst"),
        named_on=TODAY,
        named_by=scenario.user("admin"),
    )

    assert not access.child_access_allowed(scenario.user("analyst"), scenario.child("C1"))


def test_opening_a_restricted_child_not_named_is_refused_and_not_audited(
    scenario: Scenario,
) -> None:
    restrict(scenario, "C1", "tina")
    AuditEvent.objects.all().delete()

    with pytest.raises(PermissionDenied):
        access.child_get_for_viewer(scenario.user("hana"), "C1")
    assert not AuditEvent.objects.exists()


def test_a_restricted_child_is_left_out_of_a_head_of_services_list(scenario: Scenario) -> None:
    restrict(scenario, "C3", "sol")

    assert "C3" not in access.children_visible_among(scenario.user("hana"), ["C1", "C3"])


# --- Inactive users -------------------------------------------------------------------------------


def test_an_inactive_social_worker_is_refused_their_own_child(scenario: Scenario) -> None:
    sam = deactivate(scenario.user("sam"))

    assert not access.child_access_allowed(sam, scenario.child("C1"))
    assert not access.my_work_allowed(sam)


def test_an_inactive_head_of_service_is_refused_lists_and_pages(scenario: Scenario) -> None:
    hana = deactivate(scenario.user("hana"))

    assert access.children_visible_among(hana, ["C1"]) == set()
    assert not access.every_child_visible(hana)
    assert not access.service_overview_allowed(hana)
    assert not access.restricted_records_manage_allowed(hana)


def test_an_inactive_administrator_is_refused_settings_and_returns(scenario: Scenario) -> None:
    admin = deactivate(scenario.user("admin"))

    assert not access.timescale_settings_change_allowed(admin)
    assert not access.returns_export_allowed(admin)
    assert not access.returns_import_allowed(admin)


# --- Page rules, role by role ---------------------------------------------------------------------

Rule = Callable[[User], bool]


@pytest.mark.parametrize(
    ("rule", "refused"),
    [
        (access.my_work_allowed, ["bea", "hana", "analyst", "admin", "councillor"]),
        (access.team_pages_allowed, ["ivy", "pat", "analyst", "admin", "councillor"]),
        (access.service_overview_allowed, ["sam", "tina", "bea", "analyst", "admin"]),
        (access.returns_export_allowed, ["sam", "tina", "bea", "ivy", "pat", "councillor"]),
        (access.returns_import_allowed, ["hana", "tina", "sam", "councillor"]),
        (access.validation_allowed, ["sam", "tina", "bea", "ivy", "pat", "councillor"]),
        (access.timescale_settings_change_allowed, ["hana", "tina", "analyst", "sam"]),
        (access.scorecards_allowed, ["sam", "bea", "ivy", "pat"]),
        (access.every_child_visible, ["tina", "sam", "analyst", "admin", "councillor"]),
        (access.restricted_records_manage_allowed, ["tina", "sam", "bea", "analyst", "councillor"]),
        (access.child_lists_pseudonymised, ["hana", "tina", "sam", "admin"]),
    ],
    ids=lambda value: value.__name__ if callable(value) else "",
)
def test_each_page_rule_refuses_the_roles_it_is_not_for(
    scenario: Scenario, rule: Rule, refused: list[str]
) -> None:
    assert [name for name in refused if rule(scenario.user(name))] == []


def test_a_team_manager_is_refused_another_teams_scorecard_pack(scenario: Scenario) -> None:
    tina = scenario.user("tina")

    assert not access.scorecard_team_allowed(tina, "SFSB")
    assert set(access.scorecard_teams_visible_to(tina).values_list("code", flat=True)) == {"SFSA"}


def test_an_elected_member_is_refused_every_team_pack(scenario: Scenario) -> None:
    councillor = scenario.user("councillor")

    assert not access.scorecard_team_allowed(councillor, "SFSA")
    assert not access.scorecard_teams_visible_to(councillor).exists()


@pytest.mark.parametrize(
    ("name", "team_code"),
    [("tina", "SFSB"), ("tina", None), ("analyst", None), ("admin", "SFSA"), ("councillor", None)],
)
def test_scorecard_commentary_is_refused_outside_its_writers(
    scenario: Scenario, name: str, team_code: str | None
) -> None:
    assert not access.scorecard_commentary_allowed(scenario.user(name), team_code=team_code)


@pytest.mark.parametrize("name", ["sam", "bea", "ivy", "pat", "analyst", "admin", "councillor"])
def test_lists_behind_a_number_name_no_child_to_roles_outside_management(
    scenario: Scenario, name: str
) -> None:
    assert access.children_visible_among(scenario.user(name), list(scenario.children)) == set()


def test_a_team_managers_list_leaves_out_another_teams_children(scenario: Scenario) -> None:
    assert access.children_visible_among(scenario.user("tom"), ["C1", "C2", "C3"]) == {"C3"}

"""Record-level access: every rule that lets someone see a team or a child, and its denials."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from pytest_django.fixtures import Settings

from lineofsight.accounts.access import (
    child_access_allowed,
    child_get_for_viewer,
    sections_visible_to,
    teams_visible_to,
)
from lineofsight.core.models import AuditAction, AuditEvent
from lineofsight.timescales.tests.scenarios import (
    TODAY,
    D,
    Scenario,
    deadline_create,
    team_scenario,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings: Settings) -> None:
    settings.LINEOFSIGHT_TODAY = TODAY.isoformat()


@pytest.fixture
def scenario(db: None) -> Scenario:
    return team_scenario()


def visible_codes(scenario: Scenario, name: str) -> set[str]:
    return set(teams_visible_to(scenario.user(name)).values_list("code", flat=True))


def allowed(scenario: Scenario, name: str, child_id: str) -> bool:
    return child_access_allowed(scenario.user(name), scenario.child(child_id))


# --- Teams ------------------------------------------------------------------------------------


def test_team_manager_sees_only_their_current_team(scenario: Scenario) -> None:
    assert visible_codes(scenario, "tina") == {"SFSA"}


def test_team_manager_does_not_see_a_team_they_have_left(scenario: Scenario) -> None:
    """Tom managed team A until 31 December; now only team B."""
    assert visible_codes(scenario, "tom") == {"SFSB"}


def test_head_of_service_sees_every_team(scenario: Scenario) -> None:
    assert visible_codes(scenario, "hana") == {"SFSA", "SFSB", "LCA"}


def test_social_worker_and_business_support_see_their_own_current_teams(
    scenario: Scenario,
) -> None:
    assert visible_codes(scenario, "sam") == {"SFSA"}
    assert visible_codes(scenario, "bea") == {"SFSA"}


def test_a_former_member_sees_no_team(scenario: Scenario) -> None:
    assert visible_codes(scenario, "fred") == set()


@pytest.mark.parametrize("name", ["analyst", "admin", "councillor", "ivy", "pat", "nobody"])
def test_roles_without_team_pages_see_no_team(scenario: Scenario, name: str) -> None:
    assert visible_codes(scenario, name) == set()


def test_an_inactive_user_sees_no_team(scenario: Scenario) -> None:
    tina = scenario.user("tina")
    tina.is_active = False
    tina.save(update_fields=["is_active"])

    assert not teams_visible_to(tina).exists()


# --- Children: case holders --------------------------------------------------------------------


def test_social_worker_opens_a_child_allocated_to_them(scenario: Scenario) -> None:
    assert allowed(scenario, "sam", "C1")


def test_social_worker_cannot_open_another_workers_child(scenario: Scenario) -> None:
    assert not allowed(scenario, "sam", "C3")


def test_social_worker_cannot_open_a_child_whose_allocation_has_ended(scenario: Scenario) -> None:
    assert not allowed(scenario, "sam", "C8")


def test_social_worker_opens_a_child_whose_open_deadline_is_theirs(scenario: Scenario) -> None:
    assert allowed(scenario, "sam", "C9")


def test_a_met_deadline_gives_no_access(scenario: Scenario) -> None:
    assert not allowed(scenario, "sam", "C10")


def test_social_worker_cannot_open_an_unallocated_child_in_their_team(scenario: Scenario) -> None:
    assert not allowed(scenario, "sam", "C4")


def test_a_case_holder_without_a_worker_record_opens_no_child(scenario: Scenario) -> None:
    assert not any(allowed(scenario, "nobody", child_id) for child_id in scenario.children)


def test_iro_opens_a_child_they_are_allocated_to_and_no_other(scenario: Scenario) -> None:
    assert allowed(scenario, "ivy", "C3")
    assert not allowed(scenario, "ivy", "C1")


def test_personal_adviser_opens_their_care_leaver_and_no_other(scenario: Scenario) -> None:
    assert allowed(scenario, "pat", "C7")
    assert not allowed(scenario, "pat", "C1")


# --- Children: team roles ----------------------------------------------------------------------


def test_team_manager_opens_an_unallocated_child_of_their_team(scenario: Scenario) -> None:
    """No allocation at all: the open case (CaseloadEntry) puts C4 in team A."""
    assert allowed(scenario, "tina", "C4")


def test_team_manager_opens_a_child_on_duty_in_their_team(scenario: Scenario) -> None:
    assert allowed(scenario, "tina", "C6")


def test_team_manager_cannot_open_another_teams_child(scenario: Scenario) -> None:
    assert not allowed(scenario, "tina", "C3")
    assert not allowed(scenario, "tom", "C1")


def test_team_manager_cannot_open_a_child_whose_team_allocation_has_ended(
    scenario: Scenario,
) -> None:
    assert not allowed(scenario, "tina", "C8")


def test_team_manager_opens_a_child_of_another_team_whose_open_deadline_they_hold(
    scenario: Scenario,
) -> None:
    """Tina holds an open deadline of C3 (team B) herself, so it is on her My work."""
    assert not allowed(scenario, "tina", "C3")
    deadline_create(
        scenario.child("C3"),
        rule="T-41",
        due_on=D(2017, 4, 20),
        status="not_yet_due",
        worker=scenario.user("tina").worker,
        team=scenario.team_b,
    )
    assert allowed(scenario, "tina", "C3")
    assert not allowed(scenario, "tom", "C1")  # a deadline of someone else gives nothing


def test_business_support_opens_their_teams_children_only(scenario: Scenario) -> None:
    assert allowed(scenario, "bea", "C1")
    assert not allowed(scenario, "bea", "C3")


def test_head_of_service_opens_any_child(scenario: Scenario) -> None:
    assert all(allowed(scenario, "hana", child_id) for child_id in scenario.children)


@pytest.mark.parametrize("name", ["analyst", "admin", "councillor"])
def test_roles_without_named_records_open_no_child(scenario: Scenario, name: str) -> None:
    assert not any(allowed(scenario, name, child_id) for child_id in scenario.children)


def test_an_inactive_user_opens_no_child(scenario: Scenario) -> None:
    hana = scenario.user("hana")
    hana.is_active = False
    hana.save(update_fields=["is_active"])

    assert not child_access_allowed(hana, scenario.child("C1"))


# --- Opening a record ---------------------------------------------------------------------------


def test_opening_a_child_is_audited(scenario: Scenario) -> None:
    child = child_get_for_viewer(scenario.user("sam"), "C1")

    assert child.child_id == "C1"
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.VIEWED
    assert event.actor == scenario.user("sam")
    assert (event.record_type, event.record_key, event.child_id) == ("child", "C1", "C1")


def test_opening_an_unknown_child_is_not_found(scenario: Scenario) -> None:
    with pytest.raises(Http404):
        child_get_for_viewer(scenario.user("hana"), "C404")


def test_opening_a_child_one_may_not_see_is_refused_and_not_audited(scenario: Scenario) -> None:
    with pytest.raises(PermissionDenied):
        child_get_for_viewer(scenario.user("sam"), "C3")

    assert not AuditEvent.objects.exists()


# --- Navigation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sections"),
    [
        ("sam", {"my_work"}),
        ("ivy", {"my_work"}),
        ("pat", {"my_work"}),
        ("tina", {"my_work", "team", "scorecards", "people"}),
        ("bea", {"team"}),
        (
            "hana",
            {"service", "returns", "validation", "scorecards", "restricted_records", "people"},
        ),
        (
            "admin",
            {
                "timescale_settings",
                "returns",
                "validation",
                "scorecards",
                "restricted_records",
                "people",
            },
        ),
        ("analyst", {"returns", "validation", "scorecards"}),
        ("councillor", {"scorecards"}),  # aggregate board packs only
    ],
)
def test_navigation_offers_each_role_its_pages(
    scenario: Scenario, name: str, sections: set[str]
) -> None:
    offered = sections_visible_to(scenario.user(name))

    assert {section for section, shown in offered.items() if shown} == sections

"""Pseudonyms for children in analysts' lists, and who sees them."""

from __future__ import annotations

import re

import pytest
from pytest_django.fixtures import Settings

from lineofsight.accounts.access import child_lists_pseudonymised
from lineofsight.accounts.pseudonyms import child_pseudonym
from lineofsight.timescales.tests.scenarios import Scenario, team_scenario


def test_a_pseudonym_is_short_and_stable() -> None:
    pseudonym = child_pseudonym("C1")

    assert re.fullmatch(r"P-[0-9A-F]{12}", pseudonym)
    assert child_pseudonym("C1") == pseudonym


def test_different_children_get_different_pseudonyms() -> None:
    pseudonyms = {child_pseudonym(f"C{n}") for n in range(2000)}

    assert len(pseudonyms) == 2000


def test_a_pseudonym_does_not_contain_the_child_id() -> None:
    assert "123456" not in child_pseudonym("123456")


def test_a_pseudonym_depends_on_the_secret_key(settings: Settings) -> None:
    before = child_pseudonym("C1")
    settings.SECRET_KEY = "another-installation-entirely"

    assert child_pseudonym("C1") != before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "pseudonymised"),
    [
        ("analyst", True),
        ("hana", False),
        ("tina", False),
        ("sam", False),
        ("admin", False),
        ("councillor", False),
    ],
)
def test_only_analysts_see_lists_pseudonymised(name: str, pseudonymised: bool) -> None:
    scenario: Scenario = team_scenario()

    assert child_lists_pseudonymised(scenario.user(name)) is pseudonymised


@pytest.mark.django_db
def test_an_inactive_analyst_is_not_signed_in() -> None:
    analyst = team_scenario().user("analyst")
    analyst.is_active = False

    assert not child_lists_pseudonymised(analyst)

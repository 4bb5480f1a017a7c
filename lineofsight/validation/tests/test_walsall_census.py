"""The synthetic council's CIN census export under the rules written, and injected faults."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from lineofsight.returns.cin_census.export import cin_census_build
from lineofsight.synth.council import SyntheticCouncil
from lineofsight.validation.cin.tables import cin_return, cin_tables_from_xml
from lineofsight.validation.engine.run import Validation, validate
from lineofsight.validation.rulesets import ruleset

YEAR = 2017


@pytest.fixture(scope="module")
def census_tree(walsall: SyntheticCouncil) -> etree._ElementTree:
    return cin_census_build(walsall.frames, year=YEAR, la_number=walsall.info.la_number)


def _validated(tree: etree._ElementTree) -> Validation:
    return validate(cin_return(cin_tables_from_xml(tree), YEAR), ruleset("cin_census", YEAR))


def test_the_export_has_no_errors(census_tree: etree._ElementTree) -> None:
    validated = _validated(census_tree)
    assert validated.errors.is_empty(), validated.errors.head(10).to_dicts()
    assert validated.skipped == ()  # every rule written ran


def _first(tree: etree._ElementTree, path: str) -> etree._Element:
    found = tree.getroot().find(path)
    assert found is not None, path
    return found


def _caught(tree: etree._ElementTree) -> set[str]:
    return set(_validated(tree).errors["rule"])


def test_a_cp_plan_starting_before_its_referral_is_caught(census_tree: etree._ElementTree) -> None:
    tree = copy.deepcopy(census_tree)
    plan = _first(tree, ".//ChildProtectionPlans")
    episode = plan.getparent()
    assert episode is not None
    _first(etree.ElementTree(plan), "CPPstartDate").text = "1990-01-01"
    assert (episode.findtext("CINreferralDate") or "") > "1990-01-01"
    assert "1105" in _caught(tree)


def test_a_bad_upn_check_letter_is_caught(census_tree: etree._ElementTree) -> None:
    tree = copy.deepcopy(census_tree)
    element = _first(tree, ".//UPN")
    good = element.text or ""
    element.text = ("B" if good[0] != "B" else "C") + good[1:]
    assert _caught(tree) == {"1510"}


def test_a_duplicate_la_child_id_is_caught(census_tree: etree._ElementTree) -> None:
    tree = copy.deepcopy(census_tree)
    ids = tree.getroot().findall(".//LAchildID")
    ids[1].text = ids[0].text
    assert "8510" in _caught(tree)


def test_two_overlapping_cp_plans_are_caught(census_tree: etree._ElementTree) -> None:
    tree = copy.deepcopy(census_tree)
    plan = _first(tree, ".//ChildProtectionPlans")
    plan.addnext(copy.deepcopy(plan))  # a second plan for the child, over the same dates
    assert "8940" not in _caught(census_tree)
    assert "8940" in _caught(tree)

"""Rulesets by year, and the registry's agreement with DfE's published rule list."""

from __future__ import annotations

import csv

from lineofsight.core.domain.published import DATA_ROOT
from lineofsight.validation.cin.rules import CIN_RULES
from lineofsight.validation.rulesets import ruleset

RULES_CSV = DATA_ROOT / "schemas" / "cin_census" / "cin_validation_rules.csv"


def _published() -> dict[str, dict[str, str]]:
    with RULES_CSV.open(encoding="utf-8") as file:
        return {row["code"]: row for row in csv.DictReader(file)}


def test_every_rule_written_is_published_with_its_severity_and_message() -> None:
    published = _published()
    for code, rule in CIN_RULES.items():
        row = published[code]
        query = row["type"] == "QUERY" or code.endswith("Q")
        assert rule.severity == ("query" if query else "error"), code
        assert rule.message == row["message"].strip(), code


def test_rules_first_seen_in_2024_25_apply_from_2025() -> None:
    published = _published()
    for code in CIN_RULES:
        first = int(published[code]["first_seen_in"][3:7]) + 1  # cin2024_25 -> 2025
        in_year = {
            year: code in {r.code for r in ruleset("cin_census", year)}
            for year in (2017, 2023, 2024, 2025, 2026)
        }
        assert in_year == {year: year >= first or (first == 2023) for year in in_year}, code


def test_every_rule_written_is_in_the_latest_ruleset() -> None:
    assert {r.code for r in ruleset("cin_census", 2026)} == set(CIN_RULES)

"""A ruleset per collection year, built as deltas on a base year's rules.

A delta adds or replaces rules (by code) and deletes codes; the ruleset for a year is the
base with every delta up to that year applied in order. Years before the base use the
base year's rules (we have no earlier rule texts); years after the last delta use the last.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lineofsight.validation.engine.rule import Rule


@dataclass(frozen=True)
class Delta:
    """What changed in one collection year: rules added or changed, and codes deleted."""

    added_or_changed: tuple[Rule, ...] = ()
    deleted: tuple[str, ...] = ()


def rules_by_code(rules: Iterable[Rule]) -> dict[str, Rule]:
    """Rules keyed by code; a code given twice is a mistake in a registry, so it raises."""
    keyed: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in keyed:
            raise ValueError(f"rule {rule.code} is registered twice")
        keyed[rule.code] = rule
    return keyed


def ruleset_build(base_year: int, deltas: Mapping[int, Delta], year: int) -> tuple[Rule, ...]:
    """The rules for the collection year ending 31 March `year`, sorted by code.

    `deltas[base_year]` holds the base year's full ruleset (as additions)."""
    if base_year not in deltas:
        raise ValueError(f"no base ruleset for {base_year}")
    current: dict[str, Rule] = {}
    for delta_year in sorted(deltas):
        if delta_year > max(year, base_year):
            break
        delta = deltas[delta_year]
        for code in delta.deleted:
            if code not in current:
                raise ValueError(f"{delta_year}: cannot delete rule {code}, it is not registered")
            del current[code]
        current |= rules_by_code(delta.added_or_changed)
    return tuple(current[code] for code in sorted(current))

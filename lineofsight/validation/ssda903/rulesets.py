"""SSDA903 rulesets by collection year, as deltas on 2024-25's (the rule texts we hold).

2024-25 (year 2025) is the base, and earlier years use it: `rules/` holds DfE's 2024-25 list.
2025-26 (year 2026) applies `rules_2026/`: the rules added that year and the new texts of
rules that changed, which replace the 2024-25 ones by code; and it deletes `DELETED_2026`.
A rule whose code list alone changed (146: Z1 split into Z11-Z14) reads the collection
year's list, so it needs no delta.
"""

from __future__ import annotations

from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.engine.rulesets import Delta, ruleset_build
from lineofsight.validation.ssda903.rules import SSDA903_RULES
from lineofsight.validation.ssda903.rules_2026 import SSDA903_RULES_2026

BASE_YEAR = 2025
# Social worker episode checks DfE withdrew for 2025-26.
DELETED_2026: tuple[str, ...] = ("SW16aSTG2", "SW16cSTG2")

SSDA903_RULESET_DELTAS: dict[int, Delta] = {
    2025: Delta(added_or_changed=tuple(SSDA903_RULES.values())),
    2026: Delta(
        added_or_changed=tuple(SSDA903_RULES_2026.values()),
        deleted=DELETED_2026,
    ),
}


def ssda903_ruleset(year: int) -> tuple[Rule, ...]:
    """The SSDA903 rules for the collection year ending 31 March `year`."""
    return ruleset_build(BASE_YEAR, SSDA903_RULESET_DELTAS, year)

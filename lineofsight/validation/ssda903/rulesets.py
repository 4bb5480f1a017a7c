"""SSDA903 rulesets by collection year, as deltas on 2024-25's (the rule texts we hold).

2024-25 (year 2025) is the base, and earlier years use it. 2025-26 adds 241, 242, 243,
SW10aSTG2, SW10bSTG2, SW18STG2 and SW19STG2 and removes SW01aSTG1 and SW01bSTG1
(validation-rules.md §3): none of those is written yet, and the 2024-25 rule list names only
SW01STG1 (not SW01a/bSTG1), so the 2025-26 delta is empty for now. A rule whose code list
changed (146: Z1 split into Z11-Z14) reads the collection year's list, so it needs no delta.
"""

from __future__ import annotations

from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.engine.rulesets import Delta, ruleset_build
from lineofsight.validation.ssda903.rules import SSDA903_RULES

BASE_YEAR = 2025
_ADDED_2026: tuple[str, ...] = ()  # 241, 242, 243, SW10aSTG2, SW10bSTG2, SW18STG2, SW19STG2
_DELETED_2026: tuple[str, ...] = ()  # SW01aSTG1, SW01bSTG1 once written

SSDA903_RULESET_DELTAS: dict[int, Delta] = {
    2025: Delta(
        added_or_changed=tuple(r for code, r in SSDA903_RULES.items() if code not in _ADDED_2026)
    ),
    2026: Delta(
        added_or_changed=tuple(SSDA903_RULES[c] for c in _ADDED_2026 if c in SSDA903_RULES),
        deleted=tuple(c for c in _DELETED_2026 if c in SSDA903_RULES),
    ),
}


def ssda903_ruleset(year: int) -> tuple[Rule, ...]:
    """The SSDA903 rules for the collection year ending 31 March `year`."""
    return ruleset_build(BASE_YEAR, SSDA903_RULESET_DELTAS, year)

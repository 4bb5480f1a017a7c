"""CIN census rulesets by collection year, as deltas on 2022-23's (`first_seen_in`).

2022-23 is the base (earlier years use it: we hold no earlier rule texts); 2024-25 added
1570, 1580, 8945Q and 8950Q; 2023-24 and 2025-26 changed nothing we hold. A rule not yet
written is simply absent from its year.
"""

from __future__ import annotations

from lineofsight.validation.cin.rules import CIN_RULES
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.engine.rulesets import Delta, ruleset_build

BASE_YEAR = 2023
_ADDED_2025 = ("1570", "1580", "8945Q", "8950Q")


def _written(codes: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(CIN_RULES[code] for code in codes if code in CIN_RULES)


CIN_RULESET_DELTAS: dict[int, Delta] = {
    2023: Delta(
        added_or_changed=tuple(r for code, r in CIN_RULES.items() if code not in _ADDED_2025)
    ),
    2024: Delta(),
    2025: Delta(added_or_changed=_written(_ADDED_2025)),
    2026: Delta(),
}


def cin_ruleset(year: int) -> tuple[Rule, ...]:
    """The CIN rules for the collection year ending 31 March `year`."""
    return ruleset_build(BASE_YEAR, CIN_RULESET_DELTAS, year)

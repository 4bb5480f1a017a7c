"""The ruleset for a kind of return and collection year."""

from __future__ import annotations

from lineofsight.validation.cin.rulesets import cin_ruleset
from lineofsight.validation.engine.returns import ReturnKind
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.rulesets import ssda903_ruleset


def ruleset(kind: ReturnKind, year: int) -> tuple[Rule, ...]:
    """The rules for `kind`'s collection year ending 31 March `year`."""
    if kind == "cin_census":
        return cin_ruleset(year)
    if kind == "ssda903":
        return ssda903_ruleset(year)
    raise ValueError(f"no ruleset for returns of kind {kind!r}")

"""Every SSDA903 rule written, one module per DfE code (`r392c.py` is rule 392c,
`rsw02stg1.py` is SW02STG1).

`SSDA903_RULES` maps each code to its rule; a code defined twice raises at import.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable

from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.engine.rulesets import rules_by_code

_RULE_MODULE = re.compile(r"r[0-9a-z]+")


def rules_collected(package: str, path: Iterable[str]) -> list[Rule]:
    """The `RULE` of every rule module (`r<code>.py`) in a package."""
    rules = []
    for module in pkgutil.iter_modules(path):
        if _RULE_MODULE.fullmatch(module.name):
            rule = importlib.import_module(f"{package}.{module.name}").RULE
            if module.name != f"r{rule.code.lower()}":
                raise ValueError(f"{module.name} defines rule {rule.code}")
            rules.append(rule)
    return rules


SSDA903_RULES: dict[str, Rule] = rules_by_code(rules_collected(__name__, __path__))

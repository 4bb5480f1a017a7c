"""The indicator registry: every module here named after its code defines `DEFINITION`.

Modules are found by name, so adding an indicator is adding one module (and its test module);
`base`, `common` and any module starting with `_` are shared code, not indicators.
"""

from __future__ import annotations

import importlib
import pkgutil

from lineofsight.indicators.definitions.base import IndicatorDefinition

_SHARED = {"base", "common"}


def _discover() -> dict[str, IndicatorDefinition]:
    registry: dict[str, IndicatorDefinition] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        name = module_info.name
        if name in _SHARED or name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        definition = getattr(module, "DEFINITION", None)
        if not isinstance(definition, IndicatorDefinition):
            raise TypeError(f"{module.__name__} defines no DEFINITION")
        if definition.code != name:
            raise ValueError(f"{module.__name__} defines {definition.code!r}: code must be {name}")
        if name in registry:
            raise ValueError(f"indicator code {name} is defined twice")
        registry[name] = definition
    return registry


REGISTRY: dict[str, IndicatorDefinition] = _discover()

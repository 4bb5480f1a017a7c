"""SSDA903 rules added or changed for 2025-26, one module per DfE code, named as in `rules/`
(`r241.py` is rule 241). A module here whose code is also in `rules/` replaces that rule
from 2025-26 on; `DELETED_2026` lists the codes 2025-26 drops.

`SSDA903_RULES_2026` maps each code to its 2025-26 rule; a code defined twice raises.
"""

from __future__ import annotations

from lineofsight.validation.engine.rulesets import rules_by_code
from lineofsight.validation.ssda903.rules import rules_collected

SSDA903_RULES_2026 = rules_by_code(rules_collected(__name__, __path__))

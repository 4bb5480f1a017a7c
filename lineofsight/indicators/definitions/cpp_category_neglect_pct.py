"""CP-17 Children on a child protection plan at period end: initial category neglect (%)."""

from __future__ import annotations

from lineofsight.indicators.definitions._protection import category_definition

DEFINITION = category_definition("cpp_category_neglect_pct", "NEG")

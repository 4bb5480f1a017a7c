"""178: the placement provider is not PR0-PR5.

A blank provider is 526's concern (required) or right (213: not required)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("PLACE_PROVIDER",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "PLACE_PROVIDER", required=False)


RULE = Rule(
    code="178",
    severity="error",
    message=("Placement provider code is not a valid code."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""1006: the missing type is not M or A (blank is 565/566's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("MISSING",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Missing", "MISSING", required=False)


RULE = Rule(
    code="1006",
    severity="error",
    message=("Missing type invalid."),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

"""1009: the reason for placement change is not a code (blank is 225's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("REASON_PLACE_CHANGE",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "REASON_PLACE_CHANGE", required=False)


RULE = Rule(
    code="1009",
    severity="error",
    message=("Reason for placement change is not a valid code."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

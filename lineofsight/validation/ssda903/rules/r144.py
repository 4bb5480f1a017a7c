"""144: the legal status is blank or not a code (blank fails: LS is required)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("LS",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "LS", required=True)


RULE = Rule(
    code="144",
    severity="error",
    message=("The legal status code is not a valid code."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

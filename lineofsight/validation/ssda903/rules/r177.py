"""177: the adopters' legal status is not L0, L11, L12, L2, L3 or L4."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("LS_ADOPTR",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "AD1", "LS_ADOPTR", required=False)


RULE = Rule(
    code="177",
    severity="error",
    message=("The legal status of adopter(s) code is not a valid code."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""176: the adopters' sex code is not M1, F1, MM, FF or MF."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("SEX_ADOPTR",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "AD1", "SEX_ADOPTR", required=False)


RULE = Rule(
    code="176",
    severity="error",
    message=("The gender of adopter(s) at the date of adoption code is not a valid code."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""101: the child's sex is blank or not one of the year's codes (1/2 to 2023-24, M/F/U after)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("SEX",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Header", "SEX", required=True)


RULE = Rule(
    code="101",
    severity="error",
    message=("Gender code is not valid."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

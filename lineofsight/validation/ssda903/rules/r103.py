"""103: the ethnicity is blank or not one of the 20 codes."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("ETHNIC",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Header", "ETHNIC", required=True)


RULE = Rule(
    code="103",
    severity="error",
    message=("The ethnicity code is either not valid or has not been entered."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

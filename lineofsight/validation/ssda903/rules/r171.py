"""171: the date of birth of the mother's child is given but not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("MC_DOB",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "Header", "MC_DOB", required=False)


RULE = Rule(
    code="171",
    severity="error",
    message=("Date of birth of mother's child is not a valid date."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

"""102: the date of birth is blank or not a date (DD/MM/YYYY)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DOB",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "Header", "DOB", required=True)


RULE = Rule(
    code="102",
    severity="error",
    message=("Date of birth is not a valid date."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

"""112: the date the child should be placed for adoption is given but not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DATE_INT",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "AD1", "DATE_INT", required=False)


RULE = Rule(
    code="112",
    severity="error",
    message=("Date should be placed for adoption is not a valid date."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""113: the date of matching is given but not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DATE_MATCH",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "AD1", "DATE_MATCH", required=False)


RULE = Rule(
    code="113",
    severity="error",
    message=("Date matching child and adopter(s) is not a valid date."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

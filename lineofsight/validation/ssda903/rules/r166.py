"""166: the review date is blank or not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("REVIEW",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "Reviews", "REVIEW", required=True)


RULE = Rule(
    code="166",
    severity="error",
    message=("Date of review is invalid or blank."),
    tables=("Reviews",),
    fields=FIELDS,
    check=_check,
)

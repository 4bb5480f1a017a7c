"""141: the date the episode began is blank or not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "Episodes", "DECOM", required=True)


RULE = Rule(
    code="141",
    severity="error",
    message=("Date episode began is not a valid date."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

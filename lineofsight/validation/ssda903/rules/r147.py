"""147: the date the episode ceased is given but not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DEC",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "Episodes", "DEC", required=False)


RULE = Rule(
    code="147",
    severity="error",
    message=("Date episode ceased is not a valid date."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

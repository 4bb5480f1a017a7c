"""104: the date UASC status ceased is given but not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DUC",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "UASC", "DUC", required=False)


RULE = Rule(
    code="104",
    severity="error",
    message=(
        "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date."
    ),
    tables=("UASC",),
    fields=FIELDS,
    check=_check,
)

"""116: the date of the decision no longer to place for adoption is given but not a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import date_invalid

FIELDS = ("DATE_PLACED_CEASED",)


def _check(ret: Return) -> pl.DataFrame:
    return date_invalid(ret, "PlacedAdoption", "DATE_PLACED_CEASED", required=False)


RULE = Rule(
    code="116",
    severity="error",
    message=(
        "Date of Local Authority's (LA) decision that a child should no longer be placed for "
        "adoption is not a valid date."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

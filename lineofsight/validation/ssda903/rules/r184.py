"""184: the decision to place for adoption (DATE_PLACED) is before the child's Header DOB."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, with_header

FIELDS = ("DATE_PLACED", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "PlacedAdoption", "DOB")
    return found(
        "PlacedAdoption",
        frame.filter(pl.col("DATE_PLACED") < pl.col("DOB_header")),
        fields=("DATE_PLACED", "DOB_header"),
    )


RULE = Rule(
    code="184",
    severity="error",
    message=(
        "Date of decision that a child should be placed for adoption is before the child was born."
    ),
    tables=("Header", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

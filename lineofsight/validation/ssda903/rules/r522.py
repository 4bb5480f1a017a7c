"""522: the decision to place for adoption is dated after the decision no longer to."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "DATE_PLACED_CEASED")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("PlacedAdoption")
    return found(
        "PlacedAdoption",
        frame.filter(pl.col("DATE_PLACED") > pl.col("DATE_PLACED_CEASED")),
        fields=FIELDS,
    )


RULE = Rule(
    code="522",
    severity="error",
    message=(
        "Date of decision that the child should be placed for adoption must be on or before "
        "the date that a child should no longer be placed for adoption."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

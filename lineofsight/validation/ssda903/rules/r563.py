"""563: a decision no longer to place for adoption (date or reason) has no date of the decision
to place."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("PlacedAdoption")
    return found(
        "PlacedAdoption",
        frame.filter(
            (
                pl.col("DATE_PLACED_CEASED_text").is_not_null()
                | pl.col("REASON_PLACED_CEASED").is_not_null()
            )
            & pl.col("DATE_PLACED_text").is_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="563",
    severity="error",
    message=(
        "The child should no longer be placed for adoption but the date of the decision that "
        "the child should be placed for adoption is blank"
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

"""119: a decision no longer to place for adoption has a date without a reason or a reason
without a date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED_CEASED", "REASON_PLACED_CEASED")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("PlacedAdoption")
    return found(
        "PlacedAdoption",
        frame.filter(
            pl.col("DATE_PLACED_CEASED_text").is_null() != pl.col("REASON_PLACED_CEASED").is_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="119",
    severity="error",
    message=(
        "If the decision is made that a child should no longer be placed for adoption, then "
        "the date of this decision and the reason why this decision was made must be "
        "completed."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

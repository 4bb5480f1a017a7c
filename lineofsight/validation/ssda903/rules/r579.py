"""579: a decision that the child should be placed for adoption starts (DATE_PLACED) while the
child's previous decision (by DATE_PLACED) is still open, or before it ceased. Starting on
the day the previous one ceased is allowed ("must not be before")."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "prev_DATE_PLACED_CEASED")


def _decisions(ret: Return) -> pl.DataFrame:
    """The child's decisions by DATE_PLACED, each with the one before and after it."""
    return (
        ret.table("PlacedAdoption")
        .filter(pl.col("DATE_PLACED").is_not_null())
        .sort("CHILD", "DATE_PLACED", "row")
        .with_columns(
            pl.col("DATE_PLACED_CEASED").shift(1).over("CHILD").alias("prev_DATE_PLACED_CEASED"),
            pl.col("row").shift(1).over("CHILD").alias("prev_row"),
            pl.col("row").shift(-1).over("CHILD").alias("next_row"),
        )
    )


def _check(ret: Return) -> pl.DataFrame:
    frame = _decisions(ret)
    still_open = pl.col("prev_row").is_not_null() & pl.col("prev_DATE_PLACED_CEASED").is_null()
    overlaps = pl.col("DATE_PLACED") < pl.col("prev_DATE_PLACED_CEASED")
    return found("PlacedAdoption", frame.filter(still_open | overlaps), fields=FIELDS)


RULE = Rule(
    code="579",
    severity="error",
    message=(
        "A new decision that the child should be placed for adoption this year cannot start "
        "when the previous decision is still open. Decisions to place the child for "
        "adoption should also not overlap. The date of any new decision to place the child "
        "for adoption must not be before the date placed ceased of previous decisions."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

"""583: the child has more than one decision that they should be placed for adoption and an
earlier one (by DATE_PLACED) has no DATE_PLACED_CEASED: the earlier row fails. (579 reports
the later decision; this one asks for the earlier one to be revoked.)"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "DATE_PLACED_CEASED")


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
    frame = _decisions(ret).filter(
        pl.col("next_row").is_not_null() & pl.col("DATE_PLACED_CEASED_text").is_null()
    )
    return found("PlacedAdoption", frame, fields=FIELDS)


RULE = Rule(
    code="583",
    severity="error",
    message=(
        "More than one date the child should be placed for adoption has been reported, but "
        "an earlier decision has not been revoked. Check that both dates are required and "
        "add in the date the earlier decision was revoked. Note this may be in a previous "
        "year."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

"""625: MC_DOB is after 31 March, or after the child left care (the DEC of their last
episode, where it ended with a REC other than X1)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found, year_end

FIELDS = ("MC_DOB", "left_care")


def _check(ret: Return) -> pl.DataFrame:
    last = episodes_in_order(ret).filter(
        pl.col("next_DECOM").is_null() & pl.col("DECOM").is_not_null()
    )
    left = last.filter(pl.col("REC").is_not_null() & (pl.col("REC") != "X1")).select(
        "CHILD", pl.col("DEC").alias("left_care")
    )
    frame = ret.table("Header").join(left, on="CHILD", how="left")
    late = (pl.col("MC_DOB") > year_end(ret.year)) | (pl.col("MC_DOB") > pl.col("left_care"))
    return found("Header", frame.filter(late), fields=FIELDS)


RULE = Rule(
    code="625",
    severity="error",
    message=(
        "Date of birth of the first child is beyond the end of this reporting year or the "
        "date the child ceased to be looked after."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

"""574: a missing/away period starts while the child's previous one (by MIS_START) is still
open, or before it ended. Starting on the day the previous one ended is not an overlap."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MIS_START", "prev_MIS_END")


def _check(ret: Return) -> pl.DataFrame:
    frame = (
        ret.table("Missing")
        .filter(pl.col("MIS_START").is_not_null())
        .sort("CHILD", "MIS_START", "row")
        .with_columns(
            pl.col("MIS_END").shift(1).over("CHILD").alias("prev_MIS_END"),
            pl.col("row").shift(1).over("CHILD").alias("prev_row"),
        )
    )
    open_before = pl.col("prev_row").is_not_null() & pl.col("prev_MIS_END").is_null()
    overlaps = pl.col("MIS_START") < pl.col("prev_MIS_END")
    return found("Missing", frame.filter(open_before | overlaps), fields=FIELDS)


RULE = Rule(
    code="574",
    severity="error",
    message=(
        "A new missing/away from placement without authorisation period cannot start when "
        "the previous missing/away from placement without authorisation period is still "
        "open. Missing/away from placement without authorisation periods should also not "
        "overlap."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

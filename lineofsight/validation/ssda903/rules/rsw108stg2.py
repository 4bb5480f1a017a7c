"""SW108STG2: a social worker episode with no SW_DEC is followed (by SW_DECOM) by another of
the child's episodes: the open episode fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DECOM", "SW_DEC")


def _in_order(ret: Return) -> pl.DataFrame:
    """The child's social worker episodes by SW_DECOM, each with the one before it."""
    return (
        ret.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .sort("CHILD", "SW_DECOM", "row")
        .with_columns(
            pl.col("SW_DEC").shift(1).over("CHILD").alias("prev_SW_DEC"),
            pl.col("row").shift(1).over("CHILD").alias("prev_row"),
            pl.col("row").shift(-1).over("CHILD").alias("next_row"),
        )
    )


def _check(ret: Return) -> pl.DataFrame:
    frame = _in_order(ret).filter(
        pl.col("next_row").is_not_null() & pl.col("SW_DEC_text").is_null()
    )
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW108STG2",
    severity="error",
    message=("A new social worker episode has started, but the previous episode has not ended."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

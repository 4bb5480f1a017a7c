"""SW10STG2: a social worker episode starts before the child's previous one (by SW_DECOM)
ended. Starting the day it ended is allowed; an open previous episode is SW108STG2's."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DECOM", "prev_SW_DEC")


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
    frame = _in_order(ret).filter(pl.col("SW_DECOM") < pl.col("prev_SW_DEC"))
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW10STG2",
    severity="error",
    message=(
        "A new social worker episode has started before the end date of the previous social "
        "worker episode."
    ),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

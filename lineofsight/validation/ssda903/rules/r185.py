"""185: an SDQ score for a child not looked after continuously for 12 months at 31 March.

`looked_after_12_months` reads that as: the child's episodes other than short breaks (V3, V4)
chain without a gap (each DECOM the previous DEC) from one starting on or before 1 April
(the year start, 12 months before 31 March) to one still open after 31 March."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = ("SDQ_SCORE",)


def looked_after_12_months(ret: Return) -> pl.Series:
    """The children looked after continuously for at least 12 months at 31 March."""
    episodes = (
        ret.table("Episodes")
        .filter(~pl.col("LS").is_in(["V3", "V4"]) & pl.col("DECOM").is_not_null())
        .sort("CHILD", "DECOM")
        .with_columns(pl.col("DEC").shift(1).over("CHILD").alias("prev_DEC"))
        .with_columns(
            (pl.col("prev_DEC").is_null() | (pl.col("DECOM") != pl.col("prev_DEC")))
            .cum_sum()
            .over("CHILD")
            .alias("period")
        )
        .with_columns(pl.col("DECOM").first().over("CHILD", "period").alias("period_start"))
    )
    last = episodes.group_by("CHILD").agg(pl.all().last())
    open_at_end = pl.col("DEC").is_null() | (pl.col("DEC") > year_end(ret.year))
    return last.filter(open_at_end & (pl.col("period_start") <= year_start(ret.year)))["CHILD"]


def _check(ret: Return) -> pl.DataFrame:
    cla = looked_after_12_months(ret).implode()
    frame = ret.table("OC2").filter(
        pl.col("SDQ_SCORE_text").is_not_null() & ~pl.col("CHILD").is_in(cla)
    )
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="185",
    severity="error",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 "
        "March but a Strengths and Difficulties (SDQ) score has been completed."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)

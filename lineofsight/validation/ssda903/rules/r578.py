"""578: a missing/away period starts after the child left care (after the DEC of their last
episode, where it ended with a REC other than X1)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("MIS_START", "left_care")


def _left_care(ret: Return) -> pl.DataFrame:
    """Each child's last episode, where it ended the period of care (REC given, not X1)."""
    last = episodes_in_order(ret).filter(
        pl.col("next_DECOM").is_null() & pl.col("DECOM").is_not_null()
    )
    return last.filter(
        pl.col("DEC").is_not_null() & pl.col("REC").is_not_null() & (pl.col("REC") != "X1")
    ).select("CHILD", pl.col("DEC").alias("left_care"))


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing").join(_left_care(ret), on="CHILD")
    return found("Missing", frame.filter(pl.col("MIS_START") > pl.col("left_care")), fields=FIELDS)


RULE = Rule(
    code="578",
    severity="error",
    message=(
        "The date that the child started to be missing is after the child ceased to be "
        "looked after."
    ),
    tables=("Episodes", "Missing"),
    fields=FIELDS,
    check=_check,
)

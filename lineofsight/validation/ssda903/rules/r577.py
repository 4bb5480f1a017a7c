"""577: the child left care (their last episode ended with a REC other than X1) but has a
missing/away period with no end date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("MIS_END", "left_care")


def _left_care(ret: Return) -> pl.DataFrame:
    """Each child's last episode, where it ended the period of care (REC given, not X1)."""
    last = episodes_in_order(ret).filter(
        pl.col("next_DECOM").is_null() & pl.col("DECOM").is_not_null()
    )
    return last.filter(
        pl.col("DEC").is_not_null() & pl.col("REC").is_not_null() & (pl.col("REC") != "X1")
    ).select("CHILD", pl.col("DEC").alias("left_care"))


def _check(ret: Return) -> pl.DataFrame:
    frame = (
        ret.table("Missing")
        .filter(pl.col("MIS_END_text").is_null())
        .join(_left_care(ret), on="CHILD")
    )
    return found("Missing", frame, fields=FIELDS)


RULE = Rule(
    code="577",
    severity="error",
    message=(
        "Child ceased to be looked after but there is a missing/away from placement without "
        "authorisation period without an end date."
    ),
    tables=("Episodes", "Missing"),
    fields=FIELDS,
    check=_check,
)

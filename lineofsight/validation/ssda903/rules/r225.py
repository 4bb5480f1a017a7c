"""225: an episode ending in a placement change (REC X1, the next episode's RNE P, B, T or U)
without a reason for the change; temporary placements (226) are not asked for one."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, episodes_in_order, found

FIELDS = ("REASON_PLACE_CHANGE",)


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret).with_columns(
        pl.col("RNE").shift(-1).over("CHILD").alias("next_RNE")
    )
    frame = frame.filter(
        (pl.col("REC") == "X1")
        & pl.col("next_RNE").is_in(["P", "B", "T", "U"])
        & ~pl.col("PLACE").is_in(TEMPORARY)
        & pl.col("REASON_PLACE_CHANGE").is_null()
    )
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="225",
    severity="error",
    message=("Reason for placement change must be recorded."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

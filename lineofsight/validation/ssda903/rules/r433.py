"""433: a continuation episode (RNE L, P, T, B or U) does not start the day the child's
previous episode ended.

A first episode in the return with no previous one is not checked (it may continue one
from before the year)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("DECOM", "RNE", "prev_DEC")
CONTINUATIONS = ("L", "P", "T", "B", "U")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    bad = (
        pl.col("RNE").is_in(CONTINUATIONS)
        & pl.col("prev_DECOM").is_not_null()
        & (pl.col("DECOM") != pl.col("prev_DEC")).fill_null(True)
    )
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="433",
    severity="error",
    message=(
        "The reason for new episode suggests that this is a continuation episode, but the "
        "episode does not start on the same day as the last episode finished."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

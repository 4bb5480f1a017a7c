"""383: after a temporary placement (T0-T4) the child goes on to a different placement type
from the one before it.

Read for a temporary episode between two others of the child's, joined to both (X1 on
each side): the next placement, unless it is itself temporary, must be the previous one."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, episodes_in_order, found

FIELDS = ("PLACE", "prev_PLACE", "next_PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    bad = (
        pl.col("PLACE").is_in(TEMPORARY)
        & (pl.col("prev_REC") == "X1")
        & (pl.col("REC") == "X1")
        & pl.col("next_PLACE").is_not_null()
        & ~pl.col("next_PLACE").is_in(TEMPORARY)
        & (pl.col("next_PLACE") != pl.col("prev_PLACE"))
    )
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="383",
    severity="error",
    message=(
        "A child in a temporary placement must subsequently return to his/her normal placement."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""432: the child's previous episode ended care (REC other than X1) but this episode's RNE
is not S."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("RNE", "prev_REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    left = pl.col("prev_REC").is_not_null() & (pl.col("prev_REC") != "X1")
    return found("Episodes", frame.filter(left & (pl.col("RNE") != "S")), fields=FIELDS)


RULE = Rule(
    code="432",
    severity="error",
    message=(
        "The child ceased to be looked after at the end of the previous episode but the "
        "reason for the new episode is not started to be looked after."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

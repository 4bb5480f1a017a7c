"""504: an episode's category of need differs from the first episode of its period of care.

A period of care runs on while each episode starts the day the one before ended with X1;
any other start begins a new period."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("CIN",)


def _check(ret: Return) -> pl.DataFrame:
    continues = (pl.col("prev_REC") == "X1") & (pl.col("prev_DEC") == pl.col("DECOM"))
    frame = (
        episodes_in_order(ret)
        .with_columns((~continues.fill_null(False)).cum_sum().over("CHILD").alias("period"))
        .with_columns(pl.col("CIN").first().over("CHILD", "period").alias("period_CIN"))
    )
    bad = pl.col("CIN").ne_missing(pl.col("period_CIN"))
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "period_CIN"))


RULE = Rule(
    code="504",
    severity="error",
    message=(
        "The category of need code differs from that reported at start of current period of "
        "being looked after"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""142: an episode other than the child's latest (by DECOM) has no DEC or no REC."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("DECOM", "DEC", "REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    return found(
        "Episodes",
        frame.filter(
            pl.col("next_DECOM").is_not_null()
            & (pl.col("DEC_text").is_null() | pl.col("REC").is_null())
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="142",
    severity="error",
    message=("A new episode has started, but the previous episode has not ended."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

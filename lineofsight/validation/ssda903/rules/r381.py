"""381: an episode ending a period of care (REC other than X1) is a temporary placement."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, found

FIELDS = ("PLACE", "REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(
            pl.col("REC").is_not_null() & (pl.col("REC") != "X1") & pl.col("PLACE").is_in(TEMPORARY)
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="381",
    severity="error",
    message=("A period of care cannot end with a temporary placement."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

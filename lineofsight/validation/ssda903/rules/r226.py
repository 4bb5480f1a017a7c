"""226: a temporary placement (T0-T4) has a reason for placement change."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, found

FIELDS = ("PLACE", "REASON_PLACE_CHANGE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(
            pl.col("PLACE").is_in(TEMPORARY) & pl.col("REASON_PLACE_CHANGE").is_not_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="226",
    severity="error",
    message=("Reason for placement change is not required."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

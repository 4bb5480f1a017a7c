"""214: a placement postcode or URN for a short-break episode (LS V3, V4)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PL_POST", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes").filter(
        pl.col("LS").is_in(["V3", "V4"])
        & (pl.col("PL_POST").is_not_null() | pl.col("URN").is_not_null())
    )
    return found("Episodes", frame, fields=("LS", *FIELDS))


RULE = Rule(
    code="214",
    severity="error",
    message=("Placement location information not required."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""398: a short-break episode (V3, V4) has a home or placement postcode.

The distance is derived from the two postcodes (it is not uploaded), so "distance field
completed" is read as either postcode given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("HOME_POST", "LS", "PL_POST")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = pl.col("LS").is_in(["V3", "V4"]) & (
        pl.col("HOME_POST").is_not_null() | pl.col("PL_POST").is_not_null()
    )
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="398",
    severity="error",
    message="Distance field completed but child looked after under legal status V3 or V4.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

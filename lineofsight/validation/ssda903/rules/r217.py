"""217: a placement for adoption with current foster carers (A3, A5) starting on or after
1 April 2015 (when those codes began) whose RNE is not S, T or U."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM", "PLACE", "RNE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes").filter(
        pl.col("PLACE").is_in(["A3", "A5"])
        & (pl.col("DECOM") >= dt.date(2015, 4, 1))
        & ~pl.col("RNE").is_in(["S", "T", "U"])
    )
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="217",
    severity="error",
    message=(
        "Children who are placed for adoption with current foster carers (placement "
        "types A3 or A5) must have a reason for new episode of S, T or U."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

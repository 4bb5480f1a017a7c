"""333: the date the child should be placed for adoption is after the date of matching."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_INT", "DATE_MATCH")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("AD1")
    return found("AD1", frame.filter(pl.col("DATE_INT") > pl.col("DATE_MATCH")), fields=FIELDS)


RULE = Rule(
    code="333",
    severity="error",
    message=(
        "Date should be placed for adoption must be on or prior to the date of matching "
        "child with adopter(s)."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""INT02: a child in PlacedAdoption has no row in Header (matched on CHILD)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("PlacedAdoption")
    header = ret.table("Header")["CHILD"].drop_nulls()
    return found(
        "PlacedAdoption", frame.filter(~pl.col("CHILD").is_in(header.implode())), fields=FIELDS
    )


RULE = Rule(
    code="INT02",
    severity="error",
    message=("Internal Check: Child in PlacedAdoption does not exist in Header."),
    tables=("Header", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

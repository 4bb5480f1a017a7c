"""INT01: a child in AD1 has no row in Header (matched on CHILD)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("AD1")
    header = ret.table("Header")["CHILD"].drop_nulls()
    return found("AD1", frame.filter(~pl.col("CHILD").is_in(header.implode())), fields=FIELDS)


RULE = Rule(
    code="INT01",
    severity="error",
    message=("Data Integrity Check: Child in AD1 does not exist in Header."),
    tables=("Header", "AD1"),
    fields=FIELDS,
    check=_check,
)

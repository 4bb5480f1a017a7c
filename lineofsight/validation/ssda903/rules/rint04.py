"""INT04: a child in Missing has no row in Header (matched on CHILD)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    header = ret.table("Header")["CHILD"].drop_nulls()
    return found("Missing", frame.filter(~pl.col("CHILD").is_in(header.implode())), fields=FIELDS)


RULE = Rule(
    code="INT04",
    severity="error",
    message=("Internal Check: Child in Missing does not exist in Header."),
    tables=("Header", "Missing"),
    fields=FIELDS,
    check=_check,
)

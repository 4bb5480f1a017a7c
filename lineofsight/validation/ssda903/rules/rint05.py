"""INT05: a child in OC2 has no row in Header (matched on CHILD)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    header = ret.table("Header")["CHILD"].drop_nulls()
    return found("OC2", frame.filter(~pl.col("CHILD").is_in(header.implode())), fields=FIELDS)


RULE = Rule(
    code="INT05",
    severity="error",
    message=("Internal Check: Child in OC2 does not exist in Header."),
    tables=("Header", "OC2"),
    fields=FIELDS,
    check=_check,
)

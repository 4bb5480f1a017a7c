"""INT08: a child in Reviews has no row in Header (matched on CHILD)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Reviews")
    header = ret.table("Header")["CHILD"].drop_nulls()
    return found("Reviews", frame.filter(~pl.col("CHILD").is_in(header.implode())), fields=FIELDS)


RULE = Rule(
    code="INT08",
    severity="error",
    message=("Internal Check: Child in Reviews does not exist in Header."),
    tables=("Header", "Reviews"),
    fields=FIELDS,
    check=_check,
)

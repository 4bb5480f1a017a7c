"""INT09: a child in UASC has no row in Header (matched on CHILD)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("UASC")
    header = ret.table("Header")["CHILD"].drop_nulls()
    return found("UASC", frame.filter(~pl.col("CHILD").is_in(header.implode())), fields=FIELDS)


RULE = Rule(
    code="INT09",
    severity="error",
    message=("Internal Check: Child in UASC does not exist in Header."),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
)

"""INT32: a child has more than one row in Header (every one of them fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    repeated = pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated()
    return found("Header", frame.filter(repeated), fields=FIELDS)


RULE = Rule(
    code="INT32",
    severity="error",
    message=("Internal Check: Child should only exist once in Header."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

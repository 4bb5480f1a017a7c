"""INT31: a child has more than one row in AD1 (every one of them fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("AD1")
    repeated = pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated()
    return found("AD1", frame.filter(repeated), fields=FIELDS)


RULE = Rule(
    code="INT31",
    severity="error",
    message=("Internal Check: Child should only exist once in AD1."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""INT35: a child has more than one row in PrevPerm (every one of them fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("PrevPerm")
    repeated = pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated()
    return found("PrevPerm", frame.filter(repeated), fields=FIELDS)


RULE = Rule(
    code="INT35",
    severity="error",
    message=("Internal Check: Child should only exist once in PrevPerm."),
    tables=("PrevPerm",),
    fields=FIELDS,
    check=_check,
)

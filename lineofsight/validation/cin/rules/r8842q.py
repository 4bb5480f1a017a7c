"""8842Q: a CP plan review must have a date (an empty CPPreviewDate element)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPreviewDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Reviews")
    return failures("Reviews", rows.filter(pl.col("CPPreviewDate").is_null()), fields=FIELDS)


RULE = Rule(
    code="8842Q",
    severity="query",
    message=("Please check and either amend or provide a reason: Review Record has a missing date"),
    tables=("Reviews",),
    fields=FIELDS,
    check=_check,
)

"""4004: a child cannot have more than one open CIN plan (no end date); each open plan fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanEndDate",)


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("CINPlanEndDate").is_null()
    twice = open_ & (open_.sum().over("LAchildID") > 1)
    return failures("CINplanDates", ret.table("CINplanDates").filter(twice), fields=FIELDS)


RULE = Rule(
    code="4004",
    severity="error",
    message="This child is showing more than one open CIN Plan, i.e. with no End Date",
    tables=("CINplanDates",),
    fields=FIELDS,
    check=_check,
)

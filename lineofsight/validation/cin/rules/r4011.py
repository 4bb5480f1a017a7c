"""4011: a CIN plan cannot end before it starts."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanEndDate", "CINPlanStartDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINplanDates")
    return failures(
        "CINplanDates",
        rows.filter(pl.col("CINPlanEndDate") < pl.col("CINPlanStartDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="4011",
    severity="error",
    message="CIN Plan End Date earlier than Start Date",
    tables=("CINplanDates",),
    fields=FIELDS,
    check=_check,
)

"""4012Q: a CIN plan starting and ending on the same day is queried."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "CINPlanEndDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINplanDates")
    return failures(
        "CINplanDates",
        rows.filter(pl.col("CINPlanStartDate") == pl.col("CINPlanEndDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="4012Q",
    severity="query",
    message=(
        "Please check and either amend or provide a reason: CIN Plan shown as "
        "starting and ending on the same day"
    ),
    tables=("CINplanDates",),
    fields=FIELDS,
    check=_check,
)

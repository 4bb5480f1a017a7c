"""4013: a CIN plan's end date given must fall within the census year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanEndDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINplanDates")
    return failures(
        "CINplanDates", rows.filter(outside_year("CINPlanEndDate", ret.year)), fields=FIELDS
    )


RULE = Rule(
    code="4013",
    severity="error",
    message="CIN Plan end date must fall within the census year",
    tables=("CINplanDates",),
    fields=FIELDS,
    check=_check,
)

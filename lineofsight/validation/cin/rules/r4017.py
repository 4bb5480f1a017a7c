"""4017: a CP plan cannot start while one of the child's CIN plans is open.

Read as: the CP plan starts on or after a CIN plan's start and before its end (or within the
year, if the CIN plan is still open). Starting on the day the CIN plan ends is allowed (a
step up). Plans are compared across the child's episodes; the CIN plan's row fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import open_until
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "CINPlanEndDate", "CPPstartDate")


def _check(ret: Return) -> pl.DataFrame:
    cpps = ret.table("ChildProtectionPlans").select("LAchildID", "CPPstartDate")
    rows = ret.table("CINplanDates").join(cpps, on="LAchildID")
    start = pl.col("CPPstartDate")
    during = (start >= pl.col("CINPlanStartDate")) & (
        start < pl.col("CINPlanEndDate").fill_null(open_until(ret.year))
    )
    return failures("CINplanDates", rows.filter(during), fields=FIELDS)


RULE = Rule(
    code="4017",
    severity="error",
    message="A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    tables=("CINplanDates", "ChildProtectionPlans"),
    fields=FIELDS,
    check=_check,
)

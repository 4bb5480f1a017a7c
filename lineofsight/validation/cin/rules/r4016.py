"""4016: a CIN plan cannot start while one of the child's CP plans is open.

Read as: the CIN plan starts on or after a CP plan's start and before its end (or within
the year, if the CP plan is still open). Starting on the day the CP plan ends is allowed (a
step down). Plans are compared across the child's episodes.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import open_until
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "CPPstartDate", "CPPendDate")


def _check(ret: Return) -> pl.DataFrame:
    cpps = ret.table("ChildProtectionPlans").select("LAchildID", "CPPstartDate", "CPPendDate")
    rows = ret.table("CINplanDates").join(cpps, on="LAchildID")
    start = pl.col("CINPlanStartDate")
    during = (start >= pl.col("CPPstartDate")) & (
        start < pl.col("CPPendDate").fill_null(open_until(ret.year))
    )
    return failures("CINplanDates", rows.filter(during), fields=FIELDS)


RULE = Rule(
    code="4016",
    severity="error",
    message="A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    tables=("CINplanDates", "ChildProtectionPlans"),
    fields=FIELDS,
    check=_check,
)

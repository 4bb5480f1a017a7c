"""4014: a child's CIN plans cannot overlap.

Read as: a plan's start falls on or after another plan's start and before its end (or within
the year, if that plan is still open). A plan may start on the day another ends. Plans are
compared across the child's episodes, as 4004 counts open plans per child.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import open_until, overlapping
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "CINPlanEndDate")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.col("CINPlanEndDate").fill_null(open_until(ret.year))
    rows = overlapping(ret.table("CINplanDates"), ["LAchildID"], "CINPlanStartDate", end)
    return failures("CINplanDates", rows, fields=FIELDS)


RULE = Rule(
    code="4014",
    severity="error",
    message="CIN Plan data contains overlapping dates",
    tables=("CINplanDates",),
    fields=FIELDS,
    check=_check,
)

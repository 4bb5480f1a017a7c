"""8940: a child's CP plans cannot overlap.

Read as: a plan's start falls on or after another plan's start and before its end (or within
the year, if that plan is still open). A plan may start on the day another ends. Plans are
compared across the child's episodes, as 8935 counts open plans per child.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import open_until, overlapping
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate", "CPPendDate")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.col("CPPendDate").fill_null(open_until(ret.year))
    rows = overlapping(ret.table("ChildProtectionPlans"), ["LAchildID"], "CPPstartDate", end)
    return failures("ChildProtectionPlans", rows, fields=FIELDS)


RULE = Rule(
    code="8940",
    severity="error",
    message="Child Protection Plan data contains overlapping dates",
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

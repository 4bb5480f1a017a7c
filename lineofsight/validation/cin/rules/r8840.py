"""8840: a CP plan cannot start and end on the same day."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate", "CPPendDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildProtectionPlans")
    return failures(
        "ChildProtectionPlans",
        rows.filter(pl.col("CPPstartDate") == pl.col("CPPendDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8840",
    severity="error",
    message="Child Protection Plan cannot start and end on the same day",
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

"""8925: a CP plan cannot end before it starts."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate", "CPPendDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildProtectionPlans")
    return failures(
        "ChildProtectionPlans",
        rows.filter(pl.col("CPPendDate") < pl.col("CPPstartDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8925",
    severity="error",
    message="Child Protection Plan End Date earlier than Start Date",
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

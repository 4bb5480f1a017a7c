"""4001: an episode with an open CP plan (no end date) cannot also have an open CIN plan;
each open CIN plan in such an episode fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanEndDate", "CPPendDate")


def _check(ret: Return) -> pl.DataFrame:
    open_cpp = (
        ret.table("ChildProtectionPlans")
        .filter(pl.col("CPPendDate").is_null())
        .select(*EPISODE, "CPPendDate")
        .unique(EPISODE)
    )
    open_plans = ret.table("CINplanDates").filter(pl.col("CINPlanEndDate").is_null())
    return failures("CINplanDates", open_plans.join(open_cpp, on=EPISODE), fields=FIELDS)


RULE = Rule(
    code="4001",
    severity="error",
    message="A CIN Plan cannot run concurrently with a Child Protection Plan",
    tables=("CINplanDates", "ChildProtectionPlans"),
    fields=FIELDS,
    check=_check,
)

"""8720: a CP plan's start date must be given and not after the census year ends.

Read "out of data collection period" as after 31 March: a plan open on 1 April started
before the year, and must be returned.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildProtectionPlans")
    return failures(
        "ChildProtectionPlans",
        rows.filter(
            pl.col("CPPstartDate").is_null() | (pl.col("CPPstartDate") > census_end(ret.year))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8720",
    severity="error",
    message="Child Protection Plan Start Date missing or out of data collection period",
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

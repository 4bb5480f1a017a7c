"""8930: a CP plan's end date given must fall within the census year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPendDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildProtectionPlans")
    return failures(
        "ChildProtectionPlans", rows.filter(outside_year("CPPendDate", ret.year)), fields=FIELDS
    )


RULE = Rule(
    code="8930",
    severity="error",
    message="Child Protection Plan End Date must fall within the census year",
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

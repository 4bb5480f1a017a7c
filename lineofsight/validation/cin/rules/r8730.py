"""8730: a CP plan must give the number of previous plans (text that is not a whole
number reads as missing).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("NumberOfPreviousCPP",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildProtectionPlans")
    return failures(
        "ChildProtectionPlans", rows.filter(pl.col("NumberOfPreviousCPP").is_null()), fields=FIELDS
    )


RULE = Rule(
    code="8730",
    severity="error",
    message="Total Number of previous Child Protection Plans missing",
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

"""8935: a child cannot have more than one open CP plan (no end date); each open plan fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPendDate",)


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("CPPendDate").is_null()
    twice = open_ & (open_.sum().over("LAchildID") > 1)
    return failures(
        "ChildProtectionPlans", ret.table("ChildProtectionPlans").filter(twice), fields=FIELDS
    )


RULE = Rule(
    code="8935",
    severity="error",
    message=(
        "This child is showing more than one open Child Protection plan, i.e. with no End Date"
    ),
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

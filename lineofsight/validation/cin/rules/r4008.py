"""4008: a CIN plan cannot start after the child's death (the row is the plan's)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "PersonDeathDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "CINplanDates", "PersonDeathDate")
    return failures(
        "CINplanDates",
        rows.filter(pl.col("CINPlanStartDate") > pl.col("PersonDeathDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="4008",
    severity="error",
    message="CIN Plan shown as starting after the child\u2019s Date of Death.",
    tables=("CINplanDates", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)

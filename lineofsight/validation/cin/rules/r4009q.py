"""4009Q: a CIN plan should not end after the child's death."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanEndDate", "PersonDeathDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "CINplanDates", "PersonDeathDate")
    return failures(
        "CINplanDates",
        rows.filter(pl.col("CINPlanEndDate") > pl.col("PersonDeathDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="4009Q",
    severity="query",
    message="CIN Plan cannot end after the child\u2019s Date of Death",
    tables=("CINplanDates", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)

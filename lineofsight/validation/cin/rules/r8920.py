"""8920: a CP plan cannot end after the child's death."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPendDate", "PersonDeathDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "ChildProtectionPlans", "PersonDeathDate")
    return failures(
        "ChildProtectionPlans",
        rows.filter(pl.col("CPPendDate") > pl.col("PersonDeathDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8920",
    severity="error",
    message="Child Protection Plan cannot end after the child\u2019s Date of Death",
    tables=("ChildProtectionPlans", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)

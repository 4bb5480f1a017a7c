"""8500: every child must have an LA child ID."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("LAchildID",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures("ChildIdentifiers", ids.filter(pl.col("LAchildID").is_null()), fields=FIELDS)


RULE = Rule(
    code="8500",
    severity="error",
    message="LA Child ID missing",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

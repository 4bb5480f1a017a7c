"""1570: an LA child ID may be at most 20 characters (from 2024-25)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("LAchildID",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers", ids.filter(pl.col("LAchildID").str.len_chars() > 20), fields=FIELDS
    )


RULE = Rule(
    code="1570",
    severity="error",
    message="LA Child ID must not be longer than 20 characters",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

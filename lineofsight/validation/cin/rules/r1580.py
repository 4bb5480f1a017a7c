"""1580: an LA child ID may contain only letters and digits (from 2024-25)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("LAchildID",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(pl.col("LAchildID").str.contains("[^A-Za-z0-9]")),
        fields=FIELDS,
    )


RULE = Rule(
    code="1580",
    severity="error",
    message="LA Child ID must not contain any non-alphanumeric characters",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

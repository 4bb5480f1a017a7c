"""8510: no two children may share an LA child ID (each of them fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("LAchildID",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(pl.col("LAchildID").is_not_null() & pl.col("LAchildID").is_duplicated()),
        fields=FIELDS,
    )


RULE = Rule(
    code="8510",
    severity="error",
    message="More than one child record with the same LA Child ID",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

"""1520: no two children may share a UPN (every child with a shared UPN fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPN",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(pl.col("UPN").is_not_null() & pl.col("UPN").is_duplicated()),
        fields=FIELDS,
    )


RULE = Rule(
    code="1520",
    severity="error",
    message="More than one record with the same UPN.",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

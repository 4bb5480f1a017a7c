"""1540: characters 5-12 of a UPN must all be digits."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPN",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(~pl.col("UPN").str.slice(4, 8).str.contains(r"^\d{8}$")),
        fields=FIELDS,
    )


RULE = Rule(
    code="1540",
    severity="error",
    message="UPN invalid (characters 5-12 not all numeric)",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

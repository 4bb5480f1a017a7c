"""1550: character 13 of a UPN must be a digit or a letter other than I, O and S."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.upn import CHECK_LETTERS
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPN",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(~pl.col("UPN").str.slice(12, 1).str.contains(f"^[0-9{CHECK_LETTERS}]$")),
        fields=FIELDS,
    )


RULE = Rule(
    code="1550",
    severity="error",
    message="UPN invalid (character 13 not a recognised value)",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

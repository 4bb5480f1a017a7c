"""1530: characters 2-4 of a UPN must be an LA number DfE recognises (`UPN_LA_NUMBERS`)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.upn import UPN_LA_NUMBERS
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPN",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(
            pl.col("UPN").is_not_null() & ~pl.col("UPN").str.slice(1, 3).is_in(UPN_LA_NUMBERS)
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="1530",
    severity="error",
    message="UPN invalid (characters 2-4 not a recognised LA code)",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

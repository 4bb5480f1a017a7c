"""442: a child with episodes has no UPN."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("UPN",)


def _check(ret: Return) -> pl.DataFrame:
    looked_after = ret.table("Episodes")["CHILD"].unique()
    frame = ret.table("Header")
    return found(
        "Header",
        frame.filter(pl.col("UPN").is_null() & pl.col("CHILD").is_in(looked_after.implode())),
        fields=FIELDS,
    )


RULE = Rule(
    code="442",
    severity="error",
    message=("Unique Pupil Number (UPN) field is not completed."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

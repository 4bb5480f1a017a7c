"""203: the child's DOB differs from last year's return (both given)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DOB",)


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = (
        ret.previous.table("Header")
        .unique("CHILD")
        .select("CHILD", pl.col("DOB").alias("DOB_last"))
    )
    frame = ret.table("Header").join(last, on="CHILD", how="inner")
    changed = pl.col("DOB").is_not_null() & pl.col("DOB_last").is_not_null()
    frame = frame.filter(changed & (pl.col("DOB") != pl.col("DOB_last")))
    return found("Header", frame, fields=("DOB", "DOB_last"))


RULE = Rule(
    code="203",
    severity="error",
    message=("Date of birth disagrees with the date of birth already recorded for this child."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

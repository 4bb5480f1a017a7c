"""624: the child's MC_DOB differs from the one in last year's Header (both given)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MC_DOB", "MC_DOB_last")


def _check(ret: Return) -> pl.DataFrame:
    last = ret.previous.tables.get("Header") if ret.previous else None
    if last is None:
        return no_failures()
    before = last.filter(pl.col("MC_DOB").is_not_null()).unique("CHILD", keep="first")
    frame = ret.table("Header").join(
        before.select("CHILD", pl.col("MC_DOB").alias("MC_DOB_last")), on="CHILD"
    )
    return found("Header", frame.filter(pl.col("MC_DOB") != pl.col("MC_DOB_last")), fields=FIELDS)


RULE = Rule(
    code="624",
    severity="error",
    message=(
        "Date of birth of the first child contradicts the date of birth of the first child "
        "previously recorded."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

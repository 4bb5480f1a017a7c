"""626: the child is a mother (MOTHER 1) with MC_DOB before 1 April, but last year's Header
said she was not (MOTHER 0)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("MOTHER", "MC_DOB", "MOTHER_last")


def _check(ret: Return) -> pl.DataFrame:
    last = ret.previous.tables.get("Header") if ret.previous else None
    if last is None:
        return no_failures()
    before = last.unique("CHILD", keep="first").select(
        "CHILD", pl.col("MOTHER").alias("MOTHER_last")
    )
    frame = (
        ret.table("Header")
        .join(before, on="CHILD")
        .filter(
            (pl.col("MOTHER") == "1")
            & (pl.col("MC_DOB") < year_start(ret.year))
            & (pl.col("MOTHER_last") == "0")
        )
    )
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="626",
    severity="error",
    message=(
        "Child was reported as a mother but the date of birth of the first child is before "
        "the current year which contradicts with the mother status recorded last year."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

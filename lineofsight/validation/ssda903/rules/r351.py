"""351: the child was over 25 on 1 April starting the collection year.

Reading: "over 25" is a 25th birthday before 1 April (aged 25 and more on that day)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_start

FIELDS = ("DOB",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    return found(
        "Header", frame.filter(birthday(pl.col("DOB"), 25) < year_start(ret.year)), fields=FIELDS
    )


RULE = Rule(
    code="351",
    severity="error",
    message=("Child was over 25 at the start of the current collection year."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

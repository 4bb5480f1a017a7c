"""301: the date of birth is after 31 March ending the collection year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DOB",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    return found("Header", frame.filter(pl.col("DOB") > year_end(ret.year)), fields=FIELDS)


RULE = Rule(
    code="301",
    severity="error",
    message=("Date of birth falls after the year ended."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

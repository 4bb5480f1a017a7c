"""542: a child under 10 at 31 March has CONVICTED given (age from OC2's DOB)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end

FIELDS = ("CONVICTED",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    under_10 = birthday(pl.col("DOB"), 10) > year_end(ret.year)
    return found("OC2", frame.filter(under_10 & pl.col("CONVICTED").is_not_null()), fields=FIELDS)


RULE = Rule(
    code="542",
    severity="error",
    message="A child aged under 10 at 31 March should not have conviction information completed.",
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

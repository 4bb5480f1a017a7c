"""546: a child aged 5 or over at 31 March has HEALTH_CHECK given (age from OC2's DOB)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end

FIELDS = ("DOB", "HEALTH_CHECK")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    aged_5 = birthday(pl.col("DOB"), 5) <= year_end(ret.year)
    return found("OC2", frame.filter(aged_5 & pl.col("HEALTH_CHECK").is_not_null()), fields=FIELDS)


RULE = Rule(
    code="546",
    severity="error",
    message=(
        "Children aged 5 or over at 31 March should not have health promotion information "
        "completed."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

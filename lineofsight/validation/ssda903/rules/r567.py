"""567: a missing/away period ends before it starts."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MIS_START", "MIS_END")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    return found("Missing", frame.filter(pl.col("MIS_END") < pl.col("MIS_START")), fields=FIELDS)


RULE = Rule(
    code="567",
    severity="error",
    message=(
        "The date that the missing episode or episode that the child was away from placement "
        "without authorisation ended is before the date that it started."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

"""304: UASC status ceased after the 18th birthday."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found

FIELDS = ("DUC", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("UASC")
    return found("UASC", frame.filter(pl.col("DUC") > birthday(pl.col("DOB"), 18)), fields=FIELDS)


RULE = Rule(
    code="304",
    severity="error",
    message=(
        "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before "
        "the 18th birthday of a child."
    ),
    tables=("UASC",),
    fields=FIELDS,
    check=_check,
)

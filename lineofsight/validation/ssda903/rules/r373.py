"""373: a placement in a residential school (S1) under 4 (at DECOM)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header

FIELDS = ("DECOM", "PLACE", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    return found(
        "Episodes",
        frame.filter(
            pl.col("PLACE").is_in(["S1"]) & (pl.col("DECOM") < birthday(pl.col("DOB"), 4))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="373",
    severity="error",
    message=("Child placed in a school should be at least 4 years old."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

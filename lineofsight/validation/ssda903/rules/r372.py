"""372: a placement in a young offender institution (R5) under 10 (at DECOM)."""

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
            pl.col("PLACE").is_in(["R5"]) & (pl.col("DECOM") < birthday(pl.col("DOB"), 10))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="372",
    severity="error",
    message=("Child in youth custody or prison should be at least 10."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

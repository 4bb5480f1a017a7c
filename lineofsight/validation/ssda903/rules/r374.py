"""374: a placement in residential employment (P3) under 14 (at DECOM)."""

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
            pl.col("PLACE").is_in(["P3"]) & (pl.col("DECOM") < birthday(pl.col("DOB"), 14))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="374",
    severity="error",
    message=("Child in residential employment should be at least 14 years old."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

"""175: the number of adopters is not 1 or 2."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("NB_ADOPTR",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("AD1")
    return found(
        "AD1",
        frame.filter(pl.col("NB_ADOPTR").is_not_null() & ~pl.col("NB_ADOPTR").is_in(["1", "2"])),
        fields=FIELDS,
    )


RULE = Rule(
    code="175",
    severity="error",
    message=("The number of adopter(s) code is not a valid code."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

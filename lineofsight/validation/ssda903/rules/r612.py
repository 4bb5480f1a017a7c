"""612: her child's date of birth is given but MOTHER says she is not a mother (0).

Reading: a blank MOTHER is 393's concern, so only MOTHER 0 fails here."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MC_DOB", "MOTHER", "SEX")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    return found(
        "Header",
        frame.filter(pl.col("MC_DOB_text").is_not_null() & (pl.col("MOTHER") == "0")),
        fields=FIELDS,
    )


RULE = Rule(
    code="612",
    severity="error",
    message=(
        "Date of birth field has been completed but mother field indicates child is not a mother."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

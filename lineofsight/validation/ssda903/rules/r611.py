"""611: the child is a mother (MOTHER 1) but her child's date of birth is blank."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MOTHER", "MC_DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    return found(
        "Header",
        frame.filter((pl.col("MOTHER") == "1") & pl.col("MC_DOB_text").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="611",
    severity="error",
    message=("Date of birth field is blank, but child is a mother."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

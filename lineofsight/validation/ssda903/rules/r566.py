"""566: a missing/away period has an end date but not whether missing or away."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MISSING", "MIS_END")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    return found(
        "Missing",
        frame.filter(pl.col("MIS_END_text").is_not_null() & pl.col("MISSING").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="566",
    severity="error",
    message=(
        "The date that the child's episode of being missing or away from placement without "
        "authorisation ended has been completed but whether the child was missing or away "
        "without authorisation has not been completed."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

"""564: a missing/away period (MISSING given) has no start date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MISSING", "MIS_START")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    return found(
        "Missing",
        frame.filter(pl.col("MISSING").is_not_null() & pl.col("MIS_START_text").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="564",
    severity="error",
    message=(
        "Child was missing or away from placement without authorisation and the date started "
        "is blank."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

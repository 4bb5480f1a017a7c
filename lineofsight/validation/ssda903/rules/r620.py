"""620: a mother (MOTHER 1) was under 11.

Reading: the age is taken on 1 April starting the collection year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_start

FIELDS = ("DOB", "MOTHER")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    return found(
        "Header",
        frame.filter(
            (pl.col("MOTHER") == "1") & (birthday(pl.col("DOB"), 11) > year_start(ret.year))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="620",
    severity="error",
    message=(
        "Child has been recorded as a mother, but date of birth shows that the mother is "
        "under 11 years of age."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

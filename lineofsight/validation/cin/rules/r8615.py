"""8615: a section 47 enquiry must have a start date, not after its ICPC."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("S47ActualStartDate", "DateOfInitialCPC")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Section47")
    return failures(
        "Section47",
        rows.filter(
            pl.col("S47ActualStartDate").is_null()
            | (pl.col("S47ActualStartDate") > pl.col("DateOfInitialCPC"))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8615",
    severity="error",
    message=(
        "Section 47 Enquiry Start Date must be present and cannot be later than the "
        "date of the initial Child Protection Conference"
    ),
    tables=("Section47",),
    fields=FIELDS,
    check=_check,
)

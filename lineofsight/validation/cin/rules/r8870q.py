"""8870Q: the target date for the ICPC should not be a Saturday or Sunday."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("InitialCPCtarget",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Section47")
    return failures(
        "Section47", rows.filter(pl.col("InitialCPCtarget").dt.weekday() > 5), fields=FIELDS
    )


RULE = Rule(
    code="8870Q",
    severity="query",
    message=(
        "Please check and either amend or provide a reason: The Target Date for "
        "Initial Child Protection Conference should not be a weekend"
    ),
    tables=("Section47",),
    fields=FIELDS,
    check=_check,
)

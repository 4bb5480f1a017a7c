"""205C: a child UASC neither this year nor last (Header UASC not 1 in either; a child not in
last year's Header was not UASC in it) has a date UASC ceased (DUC) in this or last year's
UASC table. Runs only where both years' Headers carry the flag (see 205A)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r205a import COLUMNS, SHOWN, is_uasc, uasc_against_last

FIELDS = ("DUC", "UASC")


def _check(ret: Return) -> pl.DataFrame:
    frame = uasc_against_last(ret)
    bad = (
        ~is_uasc("UASC")
        & ~is_uasc("UASC_last")
        & (pl.col("DUC").is_not_null() | pl.col("DUC_last").is_not_null())
    )
    return found("Header", frame.filter(bad), fields=SHOWN)


RULE = Rule(
    code="205C",
    severity="error",
    message=(
        "Child not identified as UASC either this year or last year but date UASC ceased "
        "has been provided."
    ),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    columns=COLUMNS,
)

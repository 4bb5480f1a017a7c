"""205D: a child UASC this year (Header UASC 1) was in last year's Header as not UASC.

Children not in last year's return are not tested. Runs only where both years' Headers carry
the flag (see 205A)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r205a import COLUMNS, is_uasc, uasc_against_last

FIELDS = ("CHILD", "UASC")


def _check(ret: Return) -> pl.DataFrame:
    frame = uasc_against_last(ret)
    bad = pl.col("in_last") & is_uasc("UASC") & ~is_uasc("UASC_last")
    return found("Header", frame.filter(bad), fields=("UASC", "UASC_last"))


RULE = Rule(
    code="205D",
    severity="error",
    message=(
        "Child identified as UASC this year but not identified as UASC status provided "
        "for the child last year."
    ),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    columns=COLUMNS,
)

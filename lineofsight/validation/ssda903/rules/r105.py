"""105: the Header's UASC flag is not 0 or 1 (blank included).

The flag is the XML form's (statutory-formats.md §1.2). A CSV return says a child is UASC by
a row in the UASC table and has no such column, so the rule runs only where the Header
carries it (`columns`)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("UASC",)


def _check(ret: Return) -> pl.DataFrame:
    flag = pl.col("UASC")
    frame = ret.table("Header").filter(flag.is_null() | ~flag.is_in(["0", "1"]))
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="105",
    severity="error",
    message=(
        "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is "
        "invalid or has not been completed."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    columns=("Header.UASC",),
)

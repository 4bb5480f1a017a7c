"""621: the mother's child was born before her."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DOB", "MC_DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header")
    return found("Header", frame.filter(pl.col("MC_DOB") < pl.col("DOB")), fields=FIELDS)


RULE = Rule(
    code="621",
    severity="error",
    message=(
        "Mother’s field has been completed but date of birth shows that the mother is "  # noqa: RUF001 (DfE's text)
        "younger than her child."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

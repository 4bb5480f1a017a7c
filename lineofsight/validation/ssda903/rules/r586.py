"""586: a missing/away period starts before the child's date of birth (Missing DOB)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MIS_START", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    return found("Missing", frame.filter(pl.col("MIS_START") < pl.col("DOB")), fields=FIELDS)


RULE = Rule(
    code="586",
    severity="error",
    message=("Dates of missing periods are before child’s date of birth."),  # noqa: RUF001 (DfE's text)
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

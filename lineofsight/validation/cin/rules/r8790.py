"""8790: NONE cannot be recorded with any other disability (each of the child's codes fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import NO_DISABILITY
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("Disability",)


def _check(ret: Return) -> pl.DataFrame:
    none = (pl.col("Disability") == NO_DISABILITY).fill_null(False)
    mixed = none.any().over("LAchildID") & (~none).any().over("LAchildID")
    return failures("Disabilities", ret.table("Disabilities").filter(mixed), fields=FIELDS)


RULE = Rule(
    code="8790",
    severity="error",
    message="Disability information includes both None and other values",
    tables=("Disabilities",),
    fields=FIELDS,
    check=_check,
)

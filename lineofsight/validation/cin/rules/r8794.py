"""8794: a child cannot have the same disability code twice (each copy fails)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("Disability",)


def _check(ret: Return) -> pl.DataFrame:
    twice = pl.struct("LAchildID", "Disability").is_duplicated()
    return failures("Disabilities", ret.table("Disabilities").filter(twice), fields=FIELDS)


RULE = Rule(
    code="8794",
    severity="error",
    message="Child has two or more disabilities with the same code",
    tables=("Disabilities",),
    fields=FIELDS,
    check=_check,
)

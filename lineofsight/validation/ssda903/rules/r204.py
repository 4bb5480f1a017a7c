"""204: the child's ETHNIC differs from last year's return (both given)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("ETHNIC",)


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = (
        ret.previous.table("Header")
        .unique("CHILD")
        .select("CHILD", pl.col("ETHNIC").alias("ETHNIC_last"))
    )
    frame = ret.table("Header").join(last, on="CHILD", how="inner")
    changed = pl.col("ETHNIC").is_not_null() & pl.col("ETHNIC_last").is_not_null()
    frame = frame.filter(changed & (pl.col("ETHNIC") != pl.col("ETHNIC_last")))
    return found("Header", frame, fields=("ETHNIC", "ETHNIC_last"))


RULE = Rule(
    code="204",
    severity="error",
    message=(
        "Ethnic origin code disagrees with the ethnic origin already recorded for this child."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

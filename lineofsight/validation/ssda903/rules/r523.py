"""523: the AD1 decision date (DATE_INT) is none of the child's PlacedAdoption decision
dates (DATE_PLACED); children with no PlacedAdoption row are not checked. The AD1 row is
shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_INT", "DATE_PLACED")


def _check(ret: Return) -> pl.DataFrame:
    placed = (
        ret.table("PlacedAdoption")
        .group_by("CHILD")
        .agg(pl.col("DATE_PLACED").drop_nulls().alias("DATE_PLACED"))
    )
    frame = ret.table("AD1").join(placed, on="CHILD", how="inner")
    bad = pl.col("DATE_INT").is_not_null() & ~pl.col("DATE_PLACED").list.contains(
        pl.col("DATE_INT")
    )
    return found("AD1", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="523",
    severity="error",
    message=(
        "Date of decision that the child should be placed for adoption should be the same "
        "date as the decision that adoption is in the best interest (date should be placed)."
    ),
    tables=("AD1", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

"""521: the AD1 decision date (DATE_INT) is after the child's first placement for adoption
(the earliest DECOM of an A3-A6 episode); the AD1 row is shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, found

FIELDS = ("DATE_INT", "DECOM", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    placed = (
        ret.table("Episodes")
        .filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS) & pl.col("DECOM").is_not_null())
        .sort("DECOM")
        .group_by("CHILD", maintain_order=True)
        .agg(pl.col("DECOM").first(), pl.col("PLACE").first())
    )
    frame = ret.table("AD1").join(placed, on="CHILD", how="inner")
    return found("AD1", frame.filter(pl.col("DATE_INT") > pl.col("DECOM")), fields=FIELDS)


RULE = Rule(
    code="521",
    severity="error",
    message=(
        "Date of local authority's decision (LA) that adoption is in the best interests of "
        "the child (date should be placed) must be on or prior to the date the child is placed "
        "for adoption."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)

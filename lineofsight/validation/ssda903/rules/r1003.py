"""1003: the decision to place for adoption (DATE_PLACED) is before the start of the child's
latest period of care, read as the DECOM of their latest episode with RNE S."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED", "DECOM", "RNE")


def _check(ret: Return) -> pl.DataFrame:
    started = (
        ret.table("Episodes")
        .filter(pl.col("RNE") == "S")
        .group_by("CHILD")
        .agg(pl.col("DECOM").max(), pl.lit("S").alias("RNE"))
    )
    frame = ret.table("PlacedAdoption").join(started, on="CHILD", how="inner")
    return found(
        "PlacedAdoption", frame.filter(pl.col("DATE_PLACED") < pl.col("DECOM")), fields=FIELDS
    )


RULE = Rule(
    code="1003",
    severity="error",
    message=(
        "Date of LA's decision that a child should be placed for adoption is before "
        "the child started to be looked after."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

"""558: a child adopted in the year (an episode ending E11 or E12) has a PlacedAdoption row
with DATE_PLACED_CEASED given (that row is shown)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_PLACED_CEASED", "REC")


def _check(ret: Return) -> pl.DataFrame:
    adopted = (
        ret.table("Episodes")
        .filter(pl.col("REC").is_in(["E11", "E12"]))
        .group_by("CHILD")
        .agg(pl.col("REC").first())
    )
    frame = ret.table("PlacedAdoption").join(adopted, on="CHILD", how="inner")
    bad = pl.col("DATE_PLACED_CEASED").is_not_null()
    return found("PlacedAdoption", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="558",
    severity="error",
    message=(
        "If a child has been adopted, then the decision to place them for adoption has not "
        "been disrupted and the date of the decision that a child should no longer be placed "
        "for adoption should be left blank."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

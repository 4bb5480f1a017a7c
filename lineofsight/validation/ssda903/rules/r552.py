"""552: a child's first placement for adoption (earliest DECOM of an A3-A6 episode) is before
every decision that the child should be placed for adoption (DATE_PLACED).

A child with any decision on or before the placement passes; the PlacedAdoption rows of a
failing child are shown. `before_decision` serves 554 and 556 too."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, found

FIELDS = ("DATE_PLACED", "DECOM")


def before_decision(ret: Return, episodes: pl.DataFrame) -> pl.DataFrame:
    """PlacedAdoption rows of children whose earliest DECOM in `episodes` is before all
    their DATE_PLACED, with that DECOM joined."""
    started = episodes.group_by("CHILD").agg(pl.col("DECOM").min()).drop_nulls("DECOM")
    frame = ret.table("PlacedAdoption").join(started, on="CHILD", how="inner")
    earliest = pl.col("DATE_PLACED").min().over("CHILD")
    return frame.filter(earliest > pl.col("DECOM"))


def _check(ret: Return) -> pl.DataFrame:
    placed = ret.table("Episodes").filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS))
    return found("PlacedAdoption", before_decision(ret, placed), fields=FIELDS)


RULE = Rule(
    code="552",
    severity="error",
    message=(
        "Date of Decision to place a child for adoption should be on or prior to the date that "
        "the child was placed for adoption."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

"""551: an episode placed for adoption (A3-A6), and the child has no PlacedAdoption row with a
DATE_PLACED.

The episode is shown, as the PlacedAdoption row it lacks has no row to point at."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, found

FIELDS = ("DATE_PLACED", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    decided = ret.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_not_null())
    frame = ret.table("Episodes").with_columns(
        pl.lit(None, dtype=pl.Date).alias("DATE_PLACED"),
        pl.lit(None, dtype=pl.Date).alias("DATE_PLACED_CEASED"),
        pl.lit(None, dtype=pl.String).alias("REASON_PLACED_CEASED"),
    )
    bad = pl.col("PLACE").is_in(ADOPTION_PLACEMENTS) & ~pl.col("CHILD").is_in(
        decided["CHILD"].to_list()
    )
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="551",
    severity="error",
    message=(
        "Child has been placed for adoption but there is no date of the decision that the "
        "child should be placed for adoption."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

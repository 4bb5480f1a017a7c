"""557: an episode placed for adoption (A3-A6) or under a placement or freeing order (E1,
D1) ends care other than by adoption (REC not blank, X1, E11 or E12), and the child has no
PlacedAdoption row with both DATE_PLACED_CEASED and REASON_PLACED_CEASED given.

The episode is shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, found

FIELDS = ("LS", "PLACE", "REC")


def _check(ret: Return) -> pl.DataFrame:
    ceased = ret.table("PlacedAdoption").filter(
        pl.col("DATE_PLACED_CEASED").is_not_null() & pl.col("REASON_PLACED_CEASED").is_not_null()
    )
    bad = (
        (pl.col("PLACE").is_in(ADOPTION_PLACEMENTS) | pl.col("LS").is_in(["E1", "D1"]))
        & pl.col("REC").is_not_null()
        & ~pl.col("REC").is_in(["X1", "E11", "E12"])
        & ~pl.col("CHILD").is_in(ceased["CHILD"].to_list())
    )
    return found("Episodes", ret.table("Episodes").filter(bad), fields=FIELDS)


RULE = Rule(
    code="557",
    severity="error",
    message=(
        "Child for whom the decision was made that they should be placed for adoption has left "
        "care but was not adopted and information on the decision that they should no longer "
        "be placed for adoption items has not been completed."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

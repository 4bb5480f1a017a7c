"""555: an episode under a freeing order (D1), and the child has no PlacedAdoption row with a
DATE_PLACED.

The episode is shown, as the PlacedAdoption row it lacks has no row to point at."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")


def _check(ret: Return) -> pl.DataFrame:
    decided = ret.table("PlacedAdoption").filter(pl.col("DATE_PLACED").is_not_null())
    frame = ret.table("Episodes").with_columns(
        pl.lit(None, dtype=pl.Date).alias("DATE_PLACED"),
        pl.lit(None, dtype=pl.Date).alias("DATE_PLACED_CEASED"),
        pl.lit(None, dtype=pl.String).alias("REASON_PLACED_CEASED"),
    )
    bad = pl.col("LS").is_in(("D1",)) & ~pl.col("CHILD").is_in(decided["CHILD"].to_list())
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="555",
    severity="error",
    message=(
        "Freeing order has been granted but there is no date of decision that the child "
        "should be placed for adoption."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

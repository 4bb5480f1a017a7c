"""434: RNE L (legal status changed, placement not) but the legal status is the previous
episode's, or the placement (type, provider, postcode or URN) differs from it.

Each episode is compared with the child's previous one (by DECOM); a first episode is not
checked. Blanks compare equal to blanks. `episode_changes` serves 435 and 436 too."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN")
PLACEMENT = ("PLACE", "PLACE_PROVIDER", "PL_POST", "URN")


def episode_changes(ret: Return) -> pl.DataFrame:
    """Episodes after the child's first, with `ls_changed` and `placement_changed`."""
    previous = pl.col("CHILD").shift(1) == pl.col("CHILD")
    moved = pl.any_horizontal(pl.col(c).ne_missing(pl.col(c).shift(1)) for c in PLACEMENT)
    return (
        ret.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .with_columns(
            previous.alias("has_previous"),
            pl.col("LS").ne_missing(pl.col("LS").shift(1)).alias("ls_changed"),
            moved.alias("placement_changed"),
        )
        .filter(pl.col("has_previous"))
    )


def _check(ret: Return) -> pl.DataFrame:
    frame = episode_changes(ret)
    bad = (pl.col("RNE") == "L") & (~pl.col("ls_changed") | pl.col("placement_changed"))
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="434",
    severity="error",
    message=(
        "Reason for new episode is that child's legal status has changed but not the "
        "placement, but this is not reflected in the episode data."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

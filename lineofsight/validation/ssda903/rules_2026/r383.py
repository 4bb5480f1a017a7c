"""383 (2025-26): after a temporary placement (T0-T4) the child does not go back to the
placement they were in before it: the next episode does not start for a change of placement
(RNE P), or its placement type or postcode is not the one before the temporary placement.

DfE's 2025-26 condition: if the previous episode's PLACE is T0-T4 then the current episode's
RNE must be P, its PLACE must equal that of the episode before the previous one, and its
PL_POST must equal that episode's PL_POST. Read, by DECOM within the child:
- the current episode is the first non-temporary one after a temporary episode that ended by
  moving on (REC X1); a temporary episode after another is the same stay, so through a run of
  temporary placements the "normal" placement is the last non-temporary episode before it;
- a child with no episode before the temporary one in this return is not checked;
- postcodes are compared ignoring case and spaces, two blanks being equal.
The current episode (the one returned to) is reported.

Change from 2024-25: RNE = P and the same postcode are new; and the episode after the
temporary placement is the one reported (the temporary one was before).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, found

FIELDS = ("PLACE", "RNE", "PL_POST")


def _check(ret: Return) -> pl.DataFrame:
    temporary = pl.col("PLACE").is_in(TEMPORARY).fill_null(False)
    frame = (
        ret.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .with_columns(
            pl.col("PL_POST").str.to_uppercase().str.replace_all(" ", "").alias("post"),
            pl.col("PLACE").shift(1).over("CHILD").alias("prev_PLACE"),
            pl.col("REC").shift(1).over("CHILD").alias("prev_REC"),
            # the row of the child's last non-temporary episode before this one
            pl.when(~temporary)
            .then(pl.col("row"))
            .otherwise(None)
            .forward_fill()
            .shift(1)
            .over("CHILD")
            .alias("normal_row"),
        )
    )
    normal = frame.select(
        pl.col("row").alias("normal_row"),
        pl.col("PLACE").alias("normal_PLACE"),
        pl.col("post").alias("normal_post"),
    )
    frame = frame.join(normal, on="normal_row", how="inner", maintain_order="left")
    returning = (
        ~temporary
        & pl.col("prev_PLACE").is_in(TEMPORARY).fill_null(False)
        & (pl.col("prev_REC") == "X1")
    )
    different = (
        pl.col("RNE").ne_missing(pl.lit("P"))
        | pl.col("PLACE").ne_missing(pl.col("normal_PLACE"))
        | pl.col("post").ne_missing(pl.col("normal_post"))
    )
    return found(
        "Episodes",
        frame.filter(returning & different),
        fields=("RNE", "PLACE", "normal_PLACE", "PL_POST"),
    )


RULE = Rule(
    code="383",
    severity="error",
    message=(
        "A child in a temporary placement must subsequently return to his/her normal placement."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

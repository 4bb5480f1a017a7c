"""226 (2025-26): a reason for placement change is given for a temporary placement (T0-T4),
or for the episode that ended with the move into it.

DfE's condition: if PLACE is T0-T4, REASON_PLACE_CHANGE should be blank in the current
episode and in the episode before it (the child's previous episode by DECOM): a temporary
move is not a change of placement. The temporary episode is the one reported, with the
previous episode's reason beside its own.

Change from 2024-25: the message now names temporary placements ("... is not required for
temporary placements."). Our 2024-25 rule read only the temporary episode's own reason;
this one also reads the previous episode's, as DfE's condition has it.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, found

FIELDS = ("REASON_PLACE_CHANGE", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = (
        ret.table("Episodes")
        .sort("CHILD", "DECOM", "row", nulls_last=True)
        .with_columns(
            pl.col("REASON_PLACE_CHANGE").shift(1).over("CHILD").alias("prev_REASON_PLACE_CHANGE")
        )
    )
    bad = pl.col("PLACE").is_in(TEMPORARY) & (
        pl.col("REASON_PLACE_CHANGE").is_not_null()
        | pl.col("prev_REASON_PLACE_CHANGE").is_not_null()
    )
    return found(
        "Episodes",
        frame.filter(bad),
        fields=("PLACE", "REASON_PLACE_CHANGE", "prev_REASON_PLACE_CHANGE"),
    )


RULE = Rule(
    code="226",
    severity="error",
    message="Reason for placement change is not required for temporary placements.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""SW10aSTG2 (new in 2025-26): a social worker episode, other than one starting at first
contact (SW_REASON FCONTA), does not start within 7 days either side of the end of the
child's previous one.

DfE's condition: if the current episode's SW_REASON is not FCONTA then its SW_DECOM must be
within SW_DEC +/- 7 days of the previous episode, if present. The previous episode is the
child's one before it by SW_DECOM (then SW_DEC); a previous episode with no SW_DEC, or a
start that is not a date, is not checked (SW108STG2 and SW04STG1). A blank reason is not
FCONTA, so it is checked.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DECOM",)
TOLERANCE_DAYS = 7


def _check(ret: Return) -> pl.DataFrame:
    frame = (
        ret.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .sort("CHILD", "SW_DECOM", "SW_DEC", "row", nulls_last=True)
        .with_columns(pl.col("SW_DEC").shift(1).over("CHILD").alias("prev_SW_DEC"))
    )
    previous_end = pl.col("prev_SW_DEC")
    outside = (pl.col("SW_DECOM") < previous_end.dt.offset_by(f"-{TOLERANCE_DAYS}d")) | (
        pl.col("SW_DECOM") > previous_end.dt.offset_by(f"{TOLERANCE_DAYS}d")
    )
    bad = pl.col("SW_REASON").ne_missing(pl.lit("FCONTA")) & outside
    return found("SWEpisodes", frame.filter(bad), fields=("SW_DECOM", "SW_REASON", "prev_SW_DEC"))


RULE = Rule(
    code="SW10aSTG2",
    severity="error",
    message=(
        "A new social worker episode has started and it is not within +/- 7 days of a "
        "previous episode."
    ),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

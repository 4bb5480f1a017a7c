"""SW10bSTG2 (new in 2025-26): a social worker episode starting at first contact (SW_REASON
FCONTA) starts on or before the day the child's previous one ended.

DfE's condition: if the current episode's SW_REASON is FCONTA then its SW_DECOM must be
after the previous episode's SW_DEC, if present. The previous episode is the child's one
before it by SW_DECOM (then SW_DEC); one with no SW_DEC is SW108STG2's, not checked here.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DECOM", "SW_REASON")


def _check(ret: Return) -> pl.DataFrame:
    frame = (
        ret.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .sort("CHILD", "SW_DECOM", "SW_DEC", "row", nulls_last=True)
        .with_columns(pl.col("SW_DEC").shift(1).over("CHILD").alias("prev_SW_DEC"))
    )
    bad = (pl.col("SW_REASON") == "FCONTA") & (pl.col("SW_DECOM") <= pl.col("prev_SW_DEC"))
    return found("SWEpisodes", frame.filter(bad), fields=("SW_DECOM", "SW_REASON", "prev_SW_DEC"))


RULE = Rule(
    code="SW10bSTG2",
    severity="error",
    message=(
        "A new social worker episode has started with a reason of first contact before the "
        "previous episode has ended."
    ),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

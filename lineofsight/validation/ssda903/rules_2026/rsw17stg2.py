"""SW17STG2 (new in 2025-26): the child's last social worker episode has ended, so none is
open at 31 March.

DfE's condition: for the last social worker episode (the one with the latest SW_DECOM),
SW_DEC must be blank. Read for every child with social worker episodes, as the condition is
written (not only those looked after on 31 March); an SW_DEC given but not a date counts as
given. Ties on SW_DECOM are taken in file order (the later row is the last).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DEC",)


def _check(ret: Return) -> pl.DataFrame:
    last = (
        ret.table("SWEpisodes")
        .sort("CHILD", "SW_DECOM", "row", nulls_last=False)
        .unique("CHILD", keep="last", maintain_order=True)
    )
    frame = last.filter(pl.col("SW_DEC_text").is_not_null())
    return found(
        "SWEpisodes", frame.with_columns(pl.col("SW_DEC_text").alias("SW_DEC")), fields=FIELDS
    )


RULE = Rule(
    code="SW17STG2",
    severity="error",
    message="There is no social worker episode open at 31 March",
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

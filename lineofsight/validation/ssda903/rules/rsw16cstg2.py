"""SW16cSTG2: the child's last social worker episode in last year's return (by SW_DECOM) was
open, and their first episode this year has a different SW_REASON."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_REASON", "SW_REASON_last")


def _check(ret: Return) -> pl.DataFrame:
    last = ret.previous.tables.get("SWEpisodes") if ret.previous else None
    if last is None:
        return no_failures()
    latest = last.sort("CHILD", "SW_DECOM", "row", nulls_last=True).unique("CHILD", keep="last")
    still_open = latest.filter(pl.col("SW_DEC_text").is_null()).select(
        "CHILD", pl.col("SW_REASON").alias("SW_REASON_last")
    )
    first = ret.table("SWEpisodes").sort("CHILD", "SW_DECOM", "row", nulls_last=True)
    frame = first.unique("CHILD", keep="first").join(still_open, on="CHILD")
    return found(
        "SWEpisodes",
        frame.filter(pl.col("SW_REASON").ne_missing(pl.col("SW_REASON_last"))),
        fields=FIELDS,
    )


RULE = Rule(
    code="SW16cSTG2",
    severity="error",
    message=(
        "The social worker reason episode changed does not match the open episode at the "
        "end of last year."
    ),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

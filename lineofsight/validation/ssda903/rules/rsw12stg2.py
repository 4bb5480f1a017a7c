"""SW12STG2: a child looked after on 31 March (an open episode, LS not V3 or V4) whose social
worker episodes do not reach back to the start of the year, or to when the child's time in
care in the return began if that is later.

Read so: the earliest SW_DECOM must be on or before the later of 1 April and the earliest
DECOM of the child's episodes (other than short breaks) in the return. What DfE's text adds,
social workers from before the child was looked after, cannot be told from the return (a
child may have had none), so it is not tested. A child with no social worker episode is
SW01STG1's. The open episode fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import SHORT_BREAKS, found, year_end, year_start

FIELDS = ("SW_DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    episodes = ret.table("Episodes").filter(~pl.col("LS").is_in(SHORT_BREAKS).fill_null(False))
    in_care_from = episodes.group_by("CHILD").agg(
        pl.max_horizontal(pl.col("DECOM").min(), pl.lit(year_start(ret.year))).alias("REPORT_FROM")
    )
    earliest = (
        ret.table("SWEpisodes")
        .filter(pl.col("SW_DECOM").is_not_null())
        .group_by("CHILD")
        .agg(pl.col("SW_DECOM").min())
    )
    still_open = pl.col("DEC_text").is_null() | (pl.col("DEC") > year_end(ret.year))
    frame = (
        episodes.filter(still_open & (pl.col("DECOM") <= year_end(ret.year)))
        .join(in_care_from, on="CHILD", maintain_order="left")
        .join(earliest, on="CHILD", maintain_order="left")
    )
    bad = pl.col("SW_DECOM") > pl.col("REPORT_FROM")
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "REPORT_FROM"))


RULE = Rule(
    code="SW12STG2",
    severity="error",
    message=(
        "If a child is looked after on 31 March then all social worker episodes for the "
        "full previous year should be reported, even those whilst they were not looked "
        "after"
    ),
    tables=("Episodes", "SWEpisodes"),
    fields=FIELDS,
    check=_check,
)

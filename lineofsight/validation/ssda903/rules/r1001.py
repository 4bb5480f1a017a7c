"""1001: a care leaver (OC3) who is not a relevant or former relevant child, by this and last
year's episodes: read as fewer than 91 days looked after since the 14th birthday, or none
since the 16th, or the latest episode ending in adoption (E11, E12). Short-break episodes
(V3, V4) do not count; an open episode runs to 31 March; an episode in both years counts
once. With two years of episodes, children 20 or over at 31 March are not tested (their care
at 14 to 16 is older than both returns). Where the return carries the earlier episodes
(`EpisodesEarlier`: the records' return does), they count too and every care leaver is
tested, as in DfE's own check over every year it holds."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end
from lineofsight.validation.ssda903.history import episodes_known, whole_history

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _days_since(age: int, end: pl.Expr) -> pl.Expr:
    start = pl.max_horizontal(pl.col("DECOM"), birthday(pl.col("DOB"), age))
    return (end - start).dt.total_days().clip(lower_bound=0)


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    episodes = episodes_known(ret, "DEC", "REC", "LS").join(
        ret.table("Header").unique("CHILD").select("CHILD", "DOB"), on="CHILD"
    )
    end = pl.col("DEC").fill_null(year_end(ret.year))
    latest = episodes.sort("CHILD", "DECOM").group_by("CHILD").agg(pl.col("REC").last())
    adopted = latest.filter(pl.col("REC").is_in(["E11", "E12"]))["CHILD"]
    care = (
        episodes.filter(~pl.col("LS").is_in(["V3", "V4"]))
        .group_by("CHILD")
        .agg(_days_since(14, end).sum().alias("from14"), _days_since(16, end).sum().alias("from16"))
    )
    relevant = care.filter((pl.col("from14") >= 91) & (pl.col("from16") >= 1))["CHILD"]
    header = ret.table("Header")
    if not whole_history(ret):
        header = header.filter(birthday(pl.col("DOB"), 20) > year_end(ret.year))
    frame = ret.table("OC3").filter(
        pl.col("CHILD").is_in(header["CHILD"].implode())
        & (pl.col("CHILD").is_in(adopted.implode()) | ~pl.col("CHILD").is_in(relevant.implode()))
    )
    return found("OC3", frame, fields=FIELDS)


RULE = Rule(
    code="1001",
    severity="error",
    message=(
        "The episodes recorded for this young person suggest they are not a relevant "
        "or a former relevant child and therefore should not have care leaver information "
        "completed. [NOTE: This tool can only test the current and previous year data "
        "loaded into the tool - this check may generate false positives if a child "
        "had episodes prior to last year's collection.]"
    ),
    tables=("Episodes", "Header", "OC3"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

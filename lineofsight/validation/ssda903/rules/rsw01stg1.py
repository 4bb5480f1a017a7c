"""SW01STG1: the child is looked after on 31 March (an open episode, LS not V3 or V4) and has
no SWEpisodes row. The open episode fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DEC", "LS")


def _check(ret: Return) -> pl.DataFrame:
    open_ = ret.table("Episodes").filter(
        pl.col("DEC_text").is_null() & ~pl.col("LS").is_in(["V3", "V4"])
    )
    frame = open_.join(ret.table("SWEpisodes").select("CHILD").unique(), on="CHILD", how="anti")
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW01STG1",
    severity="error",
    message=(
        "Child looked after on 31 March, but no social worker episode information is reported"
    ),
    tables=("Episodes", "SWEpisodes"),
    fields=FIELDS,
    check=_check,
)

"""575: a missing/away period has no end date, but the episode (placement) it started in
has ended: the child's episode with DECOM <= MIS_START < DEC. A period starting the day an
episode ends belongs to the next episode."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MIS_START", "MIS_END", "DEC")


def _check(ret: Return) -> pl.DataFrame:
    episodes = (
        ret.table("Episodes").select("CHILD", "DECOM", "DEC").filter(pl.col("DEC").is_not_null())
    )
    frame = (
        ret.table("Missing")
        .filter(pl.col("MIS_END_text").is_null() & pl.col("MIS_START").is_not_null())
        .join(episodes, on="CHILD", how="inner")
        .filter((pl.col("DECOM") <= pl.col("MIS_START")) & (pl.col("MIS_START") < pl.col("DEC")))
    )
    return found("Missing", frame, fields=FIELDS)


RULE = Rule(
    code="575",
    severity="error",
    message=(
        "If the placement from which the child goes missing/away from placement without "
        "authorisation ends, the missing/away from placement without authorisation period "
        "in the missing module must also have an end date."
    ),
    tables=("Episodes", "Missing"),
    fields=FIELDS,
    check=_check,
)

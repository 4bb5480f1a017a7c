"""SW09STG2: a social worker episode ends the day it starts (dates only, so under 24 hours)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_DECOM", "SW_DEC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("SWEpisodes").filter(pl.col("SW_DEC") == pl.col("SW_DECOM"))
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW09STG2",
    severity="error",
    message=("Social worker episode appears to have lasted for less than 24 hours."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

"""SW13STG1: the reason for a change of social worker is not a code, or is blank for an episode
starting on or after 1 April 2023 (when the item was first collected)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import codes, found

FIELDS = ("SW_REASON", "SW_DECOM")


def _check(ret: Return) -> pl.DataFrame:
    reason = pl.col("SW_REASON")
    bad = reason.is_not_null() & ~reason.is_in(codes(ret.year, "SWEpisodes", "SW_REASON"))
    blank = reason.is_null() & (pl.col("SW_DECOM") >= dt.date(2023, 4, 1))
    frame = ret.table("SWEpisodes")
    return found("SWEpisodes", frame.filter(bad | blank), fields=FIELDS)


RULE = Rule(
    code="SW13STG1",
    severity="error",
    message=("The reason for social worker change is either not valid or has not been entered."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

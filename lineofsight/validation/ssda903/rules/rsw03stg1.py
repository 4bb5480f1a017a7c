"""SW03STG1: a social worker episode lacks SW_ID, SW_DECOM or SW_REASON (all three are read as
required; an SW_DECOM given but not a date is SW04STG1's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SW_ID", "SW_DECOM", "SW_REASON")


def _check(ret: Return) -> pl.DataFrame:
    blank = pl.any_horizontal(pl.col(c).is_null() for c in ("SW_ID", "SW_DECOM_text", "SW_REASON"))
    return found("SWEpisodes", ret.table("SWEpisodes").filter(blank), fields=FIELDS)


RULE = Rule(
    code="SW03STG1",
    severity="error",
    message=("For each social worker episode, information should be complete."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

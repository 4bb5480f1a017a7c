"""SW15STG2: SW_REASON is blank for a social worker episode starting in the reporting period
(on or after 1 April of the previous collection year, as SW07STG2 reads it); older episodes
may predate the item."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("SW_REASON", "SW_DECOM")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("SWEpisodes").filter(
        pl.col("SW_REASON").is_null() & (pl.col("SW_DECOM") >= year_start(ret.year - 1))
    )
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW15STG2",
    severity="error",
    message=("Reason for social worker change is missing."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

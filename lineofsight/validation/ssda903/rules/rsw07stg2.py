"""SW07STG2: a social worker episode ends before the social worker reporting period starts or
after 31 March. The period is read as starting 1 April of the previous collection year (the
full previous year SW12STG2 asks for)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = ("SW_DEC",)


def _check(ret: Return) -> pl.DataFrame:
    outside = (pl.col("SW_DEC") < year_start(ret.year - 1)) | (
        pl.col("SW_DEC") > year_end(ret.year)
    )
    return found("SWEpisodes", ret.table("SWEpisodes").filter(outside), fields=FIELDS)


RULE = Rule(
    code="SW07STG2",
    severity="error",
    message=(
        "Social worker episode end date should be on or after the start of the social "
        "worker reporting period, and should be on or before the collection end date."
    ),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

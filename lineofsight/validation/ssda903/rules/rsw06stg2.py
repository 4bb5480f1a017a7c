"""SW06STG2: a social worker episode starts after 31 March (the end of the reporting year; it
may start in any earlier year, as an episode open on 1 April keeps its start)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("SW_DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("SWEpisodes").filter(pl.col("SW_DECOM") > year_end(ret.year))
    return found("SWEpisodes", frame, fields=FIELDS)


RULE = Rule(
    code="SW06STG2",
    severity="error",
    message=("Social worker episode data should be within the social worker data reporting year."),
    tables=("SWEpisodes",),
    fields=FIELDS,
    check=_check,
)

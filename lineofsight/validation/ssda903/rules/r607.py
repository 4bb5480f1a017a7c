"""607: a girl (SEX female for the year) left care in the year (an episode ended in the year
with a REC other than X1, LS not V3 or V4) and Header MOTHER is blank. The episode fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import (
    code_named,
    found,
    with_header,
    year_end,
    year_start,
)

FIELDS = ("DEC", "REC", "LS", "SEX", "MOTHER")


def _check(ret: Return) -> pl.DataFrame:
    female = code_named(ret.year, "Header", "SEX", "Female")
    frame = with_header(ret, "Episodes", "SEX", "MOTHER").filter(
        pl.col("DEC").is_between(year_start(ret.year), year_end(ret.year))
        & pl.col("REC").is_not_null()
        & (pl.col("REC") != "X1")
        & ~pl.col("LS").is_in(["V3", "V4"])
        & (pl.col("SEX") == female)
        & pl.col("MOTHER").is_null()
    )
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="607",
    severity="error",
    message=(
        "Child ceased to be looked after in the year, but mother field has not been completed."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

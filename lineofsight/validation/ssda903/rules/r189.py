"""189: an SDQ score or reason for a child aged 17 or over on 1 April (OC2's DOB)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_start

FIELDS = ("DOB", "SDQ_REASON", "SDQ_SCORE")


def _check(ret: Return) -> pl.DataFrame:
    given = pl.col("SDQ_SCORE_text").is_not_null() | pl.col("SDQ_REASON").is_not_null()
    over_17 = birthday(pl.col("DOB"), 17) <= year_start(ret.year)
    return found("OC2", ret.table("OC2").filter(given & over_17), fields=FIELDS)


RULE = Rule(
    code="189",
    severity="error",
    message=(
        "Child is aged 17 years or over at the beginning of the year, but an Strengths "
        "and Difficulties (SDQ) score or a reason for no Strengths and Difficulties "
        "(SDQ) score has been completed."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

"""188: an SDQ score or reason for a child under 4 at 31 March (OC2's DOB)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end

FIELDS = ("SDQ_REASON", "SDQ_SCORE")


def _check(ret: Return) -> pl.DataFrame:
    given = pl.col("SDQ_SCORE_text").is_not_null() | pl.col("SDQ_REASON").is_not_null()
    under_4 = birthday(pl.col("DOB"), 4) > year_end(ret.year)
    return found("OC2", ret.table("OC2").filter(given & under_4), fields=FIELDS)


RULE = Rule(
    code="188",
    severity="error",
    message=(
        "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties "
        "(SDQ) score or a reason for no SDQ score has been completed."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

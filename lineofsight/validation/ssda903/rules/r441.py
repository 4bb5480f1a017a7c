"""441: a review has a participation code for a child of 4+ (not PN0) but the child was under 4."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found

FIELDS = ("DOB", "REVIEW", "REVIEW_CODE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Reviews")
    return found(
        "Reviews",
        frame.filter(
            pl.col("REVIEW_CODE").is_not_null()
            & (pl.col("REVIEW_CODE") != "PN0")
            & (pl.col("REVIEW") < birthday(pl.col("DOB"), 4))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="441",
    severity="error",
    message=(
        "Participation method indicates child was 4 years old or over at the time of the "
        "review, but the date of birth and review date indicates the child was under 4 years "
        "old."
    ),
    tables=("Reviews",),
    fields=FIELDS,
    check=_check,
)

"""180: the SDQ score is given but is not a whole number from 0 to 40."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SDQ_SCORE",)


def _check(ret: Return) -> pl.DataFrame:
    text = pl.col("SDQ_SCORE_text")
    bad = text.is_not_null() & ~pl.col("SDQ_SCORE").is_between(0, 40).fill_null(False)
    frame = ret.table("OC2").filter(bad).with_columns(text.alias("SDQ_SCORE"))
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="180",
    severity="error",
    message=("Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid."),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

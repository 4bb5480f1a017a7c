"""197a: both an SDQ score and a reason for no SDQ score are given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SDQ_SCORE", "SDQ_REASON")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    return found(
        "OC2",
        frame.filter(pl.col("SDQ_SCORE_text").is_not_null() & pl.col("SDQ_REASON").is_not_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="197a",
    severity="error",
    message=(
        "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths "
        "and Difficulties Questionnaire score is filled in."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

"""8869: factor 21 (no factors identified) cannot be used with any other factor."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import NO_FACTORS
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentFactors",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments",
        rows.filter(
            pl.col("AssessmentFactors").list.contains(NO_FACTORS)
            & (pl.col("AssessmentFactors").list.len() > 1)
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8869",
    severity="error",
    message=(
        "The assessment factors code \u201c21\u201d cannot be used in conjunction with any "
        "other assessment factors."
    ),
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

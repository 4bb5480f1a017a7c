"""8614: factors are given only for a completed (authorised) assessment."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentAuthorisationDate", "AssessmentFactors")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments",
        rows.filter(
            pl.col("AssessmentAuthorisationDate").is_null()
            & (pl.col("AssessmentFactors").list.len() > 0)
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8614",
    severity="error",
    message=(
        "Parental or child factors at assessment should only be present for a completed assessment."
    ),
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

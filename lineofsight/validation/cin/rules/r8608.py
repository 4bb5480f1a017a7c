"""8608: an assessment cannot be authorised before it started."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentActualStartDate", "AssessmentAuthorisationDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments",
        rows.filter(pl.col("AssessmentActualStartDate") > pl.col("AssessmentAuthorisationDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8608",
    severity="error",
    message="Assessment Start Date cannot be later than its End Date",
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

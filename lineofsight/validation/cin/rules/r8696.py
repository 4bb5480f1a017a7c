"""8696: an assessment's authorisation (end) date given must fall within the census year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentAuthorisationDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments",
        rows.filter(outside_year("AssessmentAuthorisationDate", ret.year)),
        fields=FIELDS,
    )


RULE = Rule(
    code="8696",
    severity="error",
    message="Assessment end date must fall within the census year",
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

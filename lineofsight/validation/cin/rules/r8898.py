"""8898: an assessment cannot give the same factor twice."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentFactors",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments",
        rows.filter(
            pl.col("AssessmentFactors").list.len() > pl.col("AssessmentFactors").list.n_unique()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8898",
    severity="error",
    message="The assessment has more than one parental or child factors with the same code",
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

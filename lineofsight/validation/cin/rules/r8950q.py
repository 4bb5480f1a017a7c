"""8950Q: factor 19A is retired (19B or 19C instead); from 2024-25."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentFactors",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments", rows.filter(pl.col("AssessmentFactors").list.contains("19A")), fields=FIELDS
    )


RULE = Rule(
    code="8950Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: the assessment "
        "factors code '19A' should not be used ('19B' or '19C' should be used "
        "instead)"
    ),
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

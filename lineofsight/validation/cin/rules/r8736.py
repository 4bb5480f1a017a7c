"""8736: an assessment not completed by 31 March must have started within the census year
(a missing start date fails too).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentAuthorisationDate", "AssessmentActualStartDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments")
    return failures(
        "Assessments",
        rows.filter(
            pl.col("AssessmentAuthorisationDate").is_null()
            & (
                pl.col("AssessmentActualStartDate").is_null()
                | outside_year("AssessmentActualStartDate", ret.year)
            )
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8736",
    severity="error",
    message=(
        "For an Assessment that has not been completed, the start date must fall "
        "within the census year"
    ),
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

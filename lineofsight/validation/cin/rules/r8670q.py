"""8670Q: an assessment with no authorisation date should not have started more than 45
working days (England and Wales calendar) before the census date.

Working days are counted after the start up to and including 31 March, so a start exactly
45 working days before passes.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import working_days_to_census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentActualStartDate", "AssessmentAuthorisationDate")
LIMIT = 45


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("Assessments").filter(pl.col("AssessmentAuthorisationDate").is_null())
    days = working_days_to_census_end(rows, "AssessmentActualStartDate", ret.year)
    return failures("Assessments", rows.filter(days > LIMIT), fields=FIELDS)


RULE = Rule(
    code="8670Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: Assessment started more "
        "than 45 working days before the end of the census year. However, there is no "
        "Assessment end date."
    ),
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

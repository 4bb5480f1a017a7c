"""8863Q: an assessment should not start while another in the episode is ongoing.

An assessment runs from its start to its authorisation, or to the end of the year if it is
not authorised. Starting on the day another is authorised is allowed; two starting the same
day both fail.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE, open_until, overlapping
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentActualStartDate", "AssessmentAuthorisationDate")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.col("AssessmentAuthorisationDate").fill_null(open_until(ret.year))
    rows = overlapping(ret.table("Assessments"), EPISODE, "AssessmentActualStartDate", end)
    return failures("Assessments", rows, fields=FIELDS)


RULE = Rule(
    code="8863Q",
    severity="query",
    message="An Assessment is shown as starting when there is another Assessment ongoing.",
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

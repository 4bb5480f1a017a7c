"""8896: an episode cannot have more than one open (unauthorised) assessment."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentAuthorisationDate",)


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("AssessmentAuthorisationDate").is_null()
    twice = open_ & (open_.sum().over(EPISODE) > 1)
    return failures("Assessments", ret.table("Assessments").filter(twice), fields=FIELDS)


RULE = Rule(
    code="8896",
    severity="error",
    message="Within one CINDetails group there are 2 or more open Assessments groups",
    tables=("Assessments",),
    fields=FIELDS,
    check=_check,
)

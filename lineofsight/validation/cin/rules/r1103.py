"""1103: an assessment cannot start before its episode's referral."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("AssessmentActualStartDate", "CINreferralDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "Assessments", "CINreferralDate")
    return failures(
        "Assessments",
        rows.filter(pl.col("AssessmentActualStartDate") < pl.col("CINreferralDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="1103",
    severity="error",
    message="The assessment start date cannot be before the referral date",
    tables=("Assessments", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

"""4015: a CIN plan cannot start before its episode's referral."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate", "CINreferralDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "CINplanDates", "CINreferralDate")
    return failures(
        "CINplanDates",
        rows.filter(pl.col("CINPlanStartDate") < pl.col("CINreferralDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="4015",
    severity="error",
    message="The CIN Plan start date cannot be before the referral date",
    tables=("CINplanDates", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

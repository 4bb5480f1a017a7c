"""2889: a section 47 enquiry cannot start before its episode's referral."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("S47ActualStartDate", "CINreferralDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "Section47", "CINreferralDate")
    return failures(
        "Section47",
        rows.filter(pl.col("S47ActualStartDate") < pl.col("CINreferralDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="2889",
    severity="error",
    message="The S47 start date cannot be before the referral date.",
    tables=("Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

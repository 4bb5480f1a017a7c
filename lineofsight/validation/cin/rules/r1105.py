"""1105: a CP plan cannot start before its episode's referral."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CPPstartDate", "CINreferralDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "ChildProtectionPlans", "CINreferralDate")
    return failures(
        "ChildProtectionPlans",
        rows.filter(pl.col("CPPstartDate") < pl.col("CINreferralDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="1105",
    severity="error",
    message="The child protection plan start date cannot be before the referral date",
    tables=("ChildProtectionPlans", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

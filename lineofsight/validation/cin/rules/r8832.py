"""8832: no CP plan may be recorded on a referral with no further action."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA",)


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "ChildProtectionPlans", "ReferralNFA")
    return failures("ChildProtectionPlans", rows.filter(pl.col("ReferralNFA")), fields=FIELDS)


RULE = Rule(
    code="8832",
    severity="error",
    message="Child Protection details provided for a referral with no further action.",
    tables=("ChildProtectionPlans", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

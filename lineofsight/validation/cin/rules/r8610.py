"""8610: a referral that led to further action (ReferralNFA false) needs a primary need."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA", "PrimaryNeedCode")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(~pl.col("ReferralNFA") & pl.col("PrimaryNeedCode").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="8610",
    severity="error",
    message="Primary Need code is missing for a referral which led to further action.",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

"""4000: no CIN plan may be recorded on a referral with no further action."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_episode
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA",)


def _check(ret: Return) -> pl.DataFrame:
    rows = with_episode(ret, "CINplanDates", "ReferralNFA")
    return failures("CINplanDates", rows.filter(pl.col("ReferralNFA")), fields=FIELDS)


RULE = Rule(
    code="4000",
    severity="error",
    message="CIN Plan details provided for a referral with no further action",
    tables=("CINplanDates", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

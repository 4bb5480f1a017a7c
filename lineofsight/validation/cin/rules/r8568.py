"""8568: every episode must say whether the referral led to no further action; a
value that is not true/false/1/0 reads as missing.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures("CINdetails", rows.filter(pl.col("ReferralNFA").is_null()), fields=FIELDS)


RULE = Rule(
    code="8568",
    severity="error",
    message="RNFA flag is missing or invalid",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

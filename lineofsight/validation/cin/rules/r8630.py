"""8630: an episode cannot close before its referral."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINreferralDate", "CINclosureDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(pl.col("CINclosureDate") < pl.col("CINreferralDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8630",
    severity="error",
    message="CIN Closure Date is before CIN Referral Date for the same CIN episode",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

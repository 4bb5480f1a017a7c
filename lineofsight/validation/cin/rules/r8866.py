"""8866: the source of referral must be given and valid."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import REFERRAL_SOURCE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralSource",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(~pl.col("ReferralSource").is_in(REFERRAL_SOURCE).fill_null(False)),
        fields=FIELDS,
    )


RULE = Rule(
    code="8866",
    severity="error",
    message="Source of Referral is missing or an invalid code",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

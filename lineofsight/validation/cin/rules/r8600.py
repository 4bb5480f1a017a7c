"""8600: the referral date must be given and not after the census year ends."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINreferralDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(
            pl.col("CINreferralDate").is_null() | (pl.col("CINreferralDate") > census_end(ret.year))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8600",
    severity="error",
    message="Child referral date missing or after data collection period",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

"""8815: a child cannot have more than one open episode (no closure date) that is not a
referral with no further action; each such open episode fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA", "CINclosureDate")


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("CINclosureDate").is_null() & ~pl.col("ReferralNFA").fill_null(False)
    twice = open_ & (open_.sum().over("LAchildID") > 1)
    return failures("CINdetails", ret.table("CINdetails").filter(twice), fields=FIELDS)


RULE = Rule(
    code="8815",
    severity="error",
    message=(
        "More than one open CIN Details episode (a module with no CIN Closure Date) has "
        "been provided for this child and case is not a referral with no further action."
    ),
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

"""8772: UPN unknown reason UN7 (referral with no further action) is only for a child
all of whose referrals were NFA.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPNunknown",)


def _check(ret: Return) -> pl.DataFrame:
    acted_on = ret.table("CINdetails").filter(~pl.col("ReferralNFA")).select("LAchildID").unique()
    ids = ret.table("ChildIdentifiers").filter(pl.col("UPNunknown") == "UN7")
    return failures("ChildIdentifiers", ids.join(acted_on, on="LAchildID"), fields=FIELDS)


RULE = Rule(
    code="8772",
    severity="error",
    message=(
        "UPN unknown reason is UN7 (Referral with no further action) but at least one"
        " CIN details is a referral going on to further action"
    ),
    tables=("ChildIdentifiers", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

"""8816: an open episode (no closure date, not a referral with no further action) must be
the child's latest: it fails when another of the child's episodes was referred later.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINreferralDate", "ReferralNFA", "CINclosureDate")


def _check(ret: Return) -> pl.DataFrame:
    open_ = pl.col("CINclosureDate").is_null() & ~pl.col("ReferralNFA").fill_null(False)
    referred = pl.col("CINreferralDate")
    earlier = referred < referred.max().over("LAchildID")
    return failures("CINdetails", ret.table("CINdetails").filter(open_ & earlier), fields=FIELDS)


RULE = Rule(
    code="8816",
    severity="error",
    message=(
        "An open CIN episode is shown and case is not a referral with no further action, "
        "but it is not the latest episode."
    ),
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

"""8569Q: a referral made before the last working day ahead of the census year (England and
Wales calendar) should not be flagged as no further action.

Read as: NFA referrals dated on or after the working day before 1 April pass (a referral on
the last working day of March may be decided in the new year); earlier ones fail.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_start, working_day_before
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReferralNFA", "CINreferralDate")


def _check(ret: Return) -> pl.DataFrame:
    cutoff = working_day_before(census_start(ret.year))
    old = pl.col("ReferralNFA").fill_null(False) & (pl.col("CINreferralDate") < cutoff)
    return failures("CINdetails", ret.table("CINdetails").filter(old), fields=FIELDS)


RULE = Rule(
    code="8569Q",
    severity="query",
    message=(
        "A case with referral date before one working day prior to the collection start "
        "date must not be flagged as a no further action case"
    ),
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

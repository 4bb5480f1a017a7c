"""8770Q: a school-age child with a referral going on to further action should have a UPN,
or a reason it is unknown other than UN1 ("not of school age").

Read, as DfE's check does, school age as born on or before the census date less 6 years.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("UPN", "UPNunknown", "PersonBirthDate")
REASONS = ("UN2", "UN3", "UN4", "UN5", "UN6", "UN7")


def _check(ret: Return) -> pl.DataFrame:
    acted_on = ret.table("CINdetails").filter(pl.col("ReferralNFA") == False)  # noqa: E712
    school_age = pl.col("PersonBirthDate") <= pl.lit(census_end(ret.year)).dt.offset_by("-6y")
    no_upn = pl.col("UPN").is_null() & ~pl.col("UPNunknown").is_in(REASONS).fill_null(False)
    ids = ret.table("ChildIdentifiers").filter(school_age & no_upn)
    return failures(
        "ChildIdentifiers",
        ids.join(acted_on.select("LAchildID"), on="LAchildID", how="semi"),
        fields=FIELDS,
    )


RULE = Rule(
    code="8770Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: UPN is missing or reason "
        "UPN is missing or is UN1 for a child who is of school age."
    ),
    tables=("ChildIdentifiers", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

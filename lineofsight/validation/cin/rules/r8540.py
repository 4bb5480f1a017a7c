"""8540: disabilities must be present and valid.

Read from DfE's condition: a child with a date of birth and at least one referral that went to
further action (ReferralNFA false) must have one or more Disability codes (NONE if none); the
ChildIdentifiers row fails when there are none. Any code that is not on the list fails, on
its Disabilities row, whatever the child's referrals.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import DISABILITY
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("Disability",)


def _check(ret: Return) -> pl.DataFrame:
    disabilities = ret.table("Disabilities")
    invalid = disabilities.filter(~pl.col("Disability").is_in(DISABILITY).fill_null(False))
    acted_on = ret.table("CINdetails").filter(~pl.col("ReferralNFA")).select("LAchildID").unique()
    born = ret.table("ChildIdentifiers").filter(pl.col("PersonBirthDate").is_not_null())
    missing = born.join(acted_on, on="LAchildID").join(disabilities, on="LAchildID", how="anti")
    return pl.concat(
        [
            failures("Disabilities", invalid, fields=FIELDS),
            failures("ChildIdentifiers", missing, fields=("PersonBirthDate",)),
        ]
    )


RULE = Rule(
    code="8540",
    severity="error",
    message="Child\u2019s disability is missing or invalid (see Disability table)",
    tables=("Disabilities", "ChildIdentifiers", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

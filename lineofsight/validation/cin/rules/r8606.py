"""8606: a referral cannot be more than 40 weeks before the child's date of birth or expected
date of birth (each is checked where present).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import with_child
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = with_child(ret, "CINdetails", "PersonBirthDate", "ExpectedPersonBirthDate")
    referred = pl.col("CINreferralDate")
    too_early = pl.any_horizontal(
        referred < pl.col(birth) - pl.duration(weeks=40)
        for birth in ("PersonBirthDate", "ExpectedPersonBirthDate")
    )
    return failures("CINdetails", rows.filter(too_early.fill_null(False)), fields=FIELDS)


RULE = Rule(
    code="8606",
    severity="error",
    message="Child referral date is more than 40 weeks before DOB or expected DOB",
    tables=("CINdetails", "ChildIdentifiers"),
    fields=FIELDS,
    check=_check,
)

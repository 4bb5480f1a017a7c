"""2886Q (LA level): more than 2% of the children (leaving out unborn children) have no sex
recorded.

Unborn is an expected date of birth and no date of birth (as in 8750). "No sex recorded" is
Sex U or missing; in files before 2024-25, which carry GenderCurrent instead, it is 0 ("not
known") or missing.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, la_failure, no_failures

FIELDS = ("Sex", "GenderCurrent", "ExpectedPersonBirthDate")
LIMIT = 0.02


def _check(ret: Return) -> pl.DataFrame:
    unborn = pl.col("PersonBirthDate").is_null() & pl.col("ExpectedPersonBirthDate").is_not_null()
    born = ret.table("ChildIdentifiers").filter(~unborn)
    sex, gender = pl.col("Sex"), pl.col("GenderCurrent")
    unknown = (
        pl.when(sex.is_not_null()).then(sex == "U").otherwise(gender.is_null() | (gender == "0"))
    )
    missing = born.filter(unknown).height
    if not born.height or missing / born.height <= LIMIT:
        return no_failures()
    share = 100 * missing / born.height
    return la_failure(
        "ChildIdentifiers", f"No sex recorded={missing} of {born.height} children ({share:.1f}%)"
    )


RULE = Rule(
    code="2886Q",
    severity="query",
    message=(
        "Please check and either amend or provide a reason: Percentage of children with no "
        "sex recorded is more than 2% (excluding unborns)"
    ),
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
    la_level=True,
)

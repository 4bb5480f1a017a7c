"""8750: an unborn child (an expected date of birth and no date of birth) must have sex U.

Files before 2024-25 carry GenderCurrent instead of Sex; there 0 ("not recorded", used for
unborn children) is the equivalent of U.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("Sex", "GenderCurrent", "PersonBirthDate", "ExpectedPersonBirthDate")


def _check(ret: Return) -> pl.DataFrame:
    unborn = pl.col("PersonBirthDate").is_null() & pl.col("ExpectedPersonBirthDate").is_not_null()
    sex = pl.col("Sex")
    unknown = (sex == "U") | (sex.is_null() & (pl.col("GenderCurrent") == "0"))
    ids = ret.table("ChildIdentifiers")
    wrong = unborn & ~unknown.fill_null(False)
    return failures("ChildIdentifiers", ids.filter(wrong), fields=FIELDS)


RULE = Rule(
    code="8750",
    severity="error",
    message="Sex must equal U for an unborn child",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

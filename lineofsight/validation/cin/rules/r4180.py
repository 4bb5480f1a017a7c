"""4180: the child's sex must be given and valid.

The 2024-25 text names Sex (M/F/U); until 2023-24 the census carried GenderCurrent (1/2/0/9)
instead. A file is read by whichever element it has: a Sex must be M, F or U; without a Sex,
GenderCurrent must be 0, 1, 2 or 9; with neither, the rule fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import GENDER_CURRENT, SEX
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("Sex", "GenderCurrent")


def _check(ret: Return) -> pl.DataFrame:
    sex, gender = pl.col("Sex"), pl.col("GenderCurrent")
    valid = sex.is_in(SEX) | (sex.is_null() & gender.is_in(GENDER_CURRENT))
    ids = ret.table("ChildIdentifiers")
    return failures("ChildIdentifiers", ids.filter(~valid.fill_null(False)), fields=FIELDS)


RULE = Rule(
    code="4180",
    severity="error",
    message="Sex must be provided and equal M, F, or U",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

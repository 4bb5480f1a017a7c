"""8525Q: exactly one of date of birth and expected date of birth is given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("PersonBirthDate", "ExpectedPersonBirthDate")


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(
            pl.col("PersonBirthDate").is_null() == pl.col("ExpectedPersonBirthDate").is_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8525Q",
    severity="query",
    message="Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

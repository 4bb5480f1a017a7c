"""8535Q: a child cannot die before being born."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("PersonDeathDate", "PersonBirthDate")


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(pl.col("PersonDeathDate") < pl.col("PersonBirthDate")),
        fields=FIELDS,
    )


RULE = Rule(
    code="8535Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: Child\u2019s date of "
        "death should not be prior to the date of birth"
    ),
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

"""8545Q: a date of death given must fall within the census year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("PersonDeathDate",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers", ids.filter(outside_year("PersonDeathDate", ret.year)), fields=FIELDS
    )


RULE = Rule(
    code="8545Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: Child's date of "
        "death should be within the census year"
    ),
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

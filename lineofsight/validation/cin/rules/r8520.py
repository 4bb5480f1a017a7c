"""8520: the date of birth cannot be after the census year ends."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("PersonBirthDate",)


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    return failures(
        "ChildIdentifiers",
        ids.filter(pl.col("PersonBirthDate") > census_end(ret.year)),
        fields=FIELDS,
    )


RULE = Rule(
    code="8520",
    severity="error",
    message=(
        "Date of Birth is after data collection period (must be on or before the end "
        "of the census period)"
    ),
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

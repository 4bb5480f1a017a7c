"""8530Q: an expected date of birth should fall between 1 March and 31 December of the
calendar year the census ends in (the "March to December of the Census Year end")."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ExpectedPersonBirthDate",)


def _check(ret: Return) -> pl.DataFrame:
    expected = pl.col("ExpectedPersonBirthDate")
    in_range = expected.is_between(dt.date(ret.year, 3, 1), dt.date(ret.year, 12, 31))
    ids = ret.table("ChildIdentifiers")
    return failures("ChildIdentifiers", ids.filter(~in_range), fields=FIELDS)


RULE = Rule(
    code="8530Q",
    severity="query",
    message=(
        "Please check and either amend data or provide a reason: Expected Date of Birth is "
        "outside the expected range for this census (March to December of the Census Year end)"
    ),
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

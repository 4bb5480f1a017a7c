"""8620: a closure date given must fall within the census year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINclosureDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails", rows.filter(outside_year("CINclosureDate", ret.year)), fields=FIELDS
    )


RULE = Rule(
    code="8620",
    severity="error",
    message="CIN Closure Date present and does not fall within the Census year",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

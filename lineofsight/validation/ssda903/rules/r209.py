"""209: a child of school age has the unknown UPN code UN1 (not yet of school age).

DfE: "If <DOB> >= 4 years prior to 31/08/YYYY then <UPN> should not be 'UN1'", YYYY the
calendar year before the collection year starts (31 August 2023 for 2024-25): read as the
child's 4th birthday on or before that date. The Header row fails."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_start

FIELDS = ("UPN", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    cutoff = dt.date(year_start(ret.year).year - 1, 8, 31)
    bad = (pl.col("UPN").str.to_uppercase() == "UN1") & (birthday(pl.col("DOB"), 4) <= cutoff)
    return found("Header", ret.table("Header").filter(bad), fields=FIELDS)


RULE = Rule(
    code="209",
    severity="error",
    message=(
        "Child looked after is of school age and should not have an unknown Unique Pupil "
        "Number (UPN) code of UN1."
    ),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

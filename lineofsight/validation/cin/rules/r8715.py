"""8715: an ICPC date given must fall within the census year.

Read as covering the ICPC wherever it is recorded (Section47, or the episode's own).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import outside_year
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("DateOfInitialCPC",)


def _check(ret: Return) -> pl.DataFrame:
    outside = outside_year("DateOfInitialCPC", ret.year)
    return pl.concat(
        [
            failures("Section47", ret.table("Section47").filter(outside), fields=FIELDS),
            failures("CINdetails", ret.table("CINdetails").filter(outside), fields=FIELDS),
        ]
    )


RULE = Rule(
    code="8715",
    severity="error",
    message="Date of Initial Child Protection Conference must fall within the census year",
    tables=("Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

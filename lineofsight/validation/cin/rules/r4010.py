"""4010: a CIN plan's start date must be given and not after the census year ends.

Read as 8720 is: a plan open on 1 April started before the year.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import census_end
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINPlanStartDate",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINplanDates")
    return failures(
        "CINplanDates",
        rows.filter(
            pl.col("CINPlanStartDate").is_null()
            | (pl.col("CINPlanStartDate") > census_end(ret.year))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="4010",
    severity="error",
    message="CIN Plan start date is missing or out of data collection period",
    tables=("CINplanDates",),
    fields=FIELDS,
    check=_check,
)

"""8875: an ICPC cannot be on a Saturday or Sunday.

Read as covering the ICPC wherever it is recorded (Section47, or the episode's own).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("DateOfInitialCPC",)


def _check(ret: Return) -> pl.DataFrame:
    weekend = pl.col("DateOfInitialCPC").dt.weekday() > 5
    return pl.concat(
        [
            failures("Section47", ret.table("Section47").filter(weekend), fields=FIELDS),
            failures("CINdetails", ret.table("CINdetails").filter(weekend), fields=FIELDS),
        ]
    )


RULE = Rule(
    code="8875",
    severity="error",
    message="The Date of Initial Child Protection Conference cannot be a weekend",
    tables=("Section47", "CINdetails"),
    fields=FIELDS,
    check=_check,
)

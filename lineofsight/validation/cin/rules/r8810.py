"""8810: a reason for closure needs a closure date."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReasonForClosure", "CINclosureDate")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(pl.col("ReasonForClosure").is_not_null() & pl.col("CINclosureDate").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="8810",
    severity="error",
    message="A CIN case cannot have a Reason for Closure without a CIN Closure Date",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

"""8805: a closure date needs a reason for closure."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINclosureDate", "ReasonForClosure")


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(pl.col("CINclosureDate").is_not_null() & pl.col("ReasonForClosure").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="8805",
    severity="error",
    message="A CIN case cannot have a CIN closure date without a Reason for Closure",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

"""8640: a reason for closure given must be RC1-RC9 (missing is 8805's)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import REASON_FOR_CLOSURE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("ReasonForClosure",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(
            pl.col("ReasonForClosure").is_not_null()
            & ~pl.col("ReasonForClosure").is_in(REASON_FOR_CLOSURE)
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8640",
    severity="error",
    message=(
        "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)"
    ),
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

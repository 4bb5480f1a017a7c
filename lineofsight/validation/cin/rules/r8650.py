"""8650: a primary need code given must be N0-N9 (missing is 8610's)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import PRIMARY_NEED
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("PrimaryNeedCode",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("CINdetails")
    return failures(
        "CINdetails",
        rows.filter(
            pl.col("PrimaryNeedCode").is_not_null() & ~pl.col("PrimaryNeedCode").is_in(PRIMARY_NEED)
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="8650",
    severity="error",
    message="Primary Need Code invalid (see Primary Need table in CIN census code set)",
    tables=("CINdetails",),
    fields=FIELDS,
    check=_check,
)

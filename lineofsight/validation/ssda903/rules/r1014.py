"""1014: a UASC row for a care leaver, read as a child in OC3 with no episode this year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("ACCOM", "ACTIV", "DUC", "IN_TOUCH")


def _check(ret: Return) -> pl.DataFrame:
    leavers = ret.table("OC3").filter(
        ~pl.col("CHILD").is_in(ret.table("Episodes")["CHILD"].implode())
    )["CHILD"]
    frame = ret.table("UASC").filter(pl.col("CHILD").is_in(leavers.implode()))
    return found("UASC", frame, fields=("DUC",))


RULE = Rule(
    code="1014",
    severity="error",
    message=("UASC information is not required for care leavers"),
    tables=("Episodes", "OC3", "UASC"),
    fields=FIELDS,
    check=_check,
)

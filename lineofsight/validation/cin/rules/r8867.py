"""8867: a closed episode cannot have an assessment that is not authorised."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.census import EPISODE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("CINclosureDate",)


def _check(ret: Return) -> pl.DataFrame:
    open_ = ret.table("Assessments").filter(pl.col("AssessmentAuthorisationDate").is_null())
    closed = ret.table("CINdetails").filter(pl.col("CINclosureDate").is_not_null())
    return failures("CINdetails", closed.join(open_, on=EPISODE, how="semi"), fields=FIELDS)


RULE = Rule(
    code="8867",
    severity="error",
    message="CIN episode is shown as closed, however Assessment is not shown as completed",
    tables=("CINdetails", "Assessments"),
    fields=FIELDS,
    check=_check,
)

"""2888Q (LA level): no child has more than one disability code recorded."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import NO_DISABILITY
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, la_failure, no_failures

FIELDS = ("Disability",)


def _check(ret: Return) -> pl.DataFrame:
    codes = ret.table("Disabilities").filter(pl.col("Disability") != NO_DISABILITY)
    most = codes.group_by("LAchildID").len()["len"].max() if codes.height else 0
    return (
        la_failure("Disabilities", "Disability codes per child=1") if most == 1 else no_failures()
    )


RULE = Rule(
    code="2888Q",
    severity="query",
    message=(
        "Please check and either amend or provide a reason: Only one disability code "
        "is recorded per child and multiple disabilities should be recorded where "
        "possible."
    ),
    tables=("Disabilities",),
    fields=FIELDS,
    check=_check,
    la_level=True,
)

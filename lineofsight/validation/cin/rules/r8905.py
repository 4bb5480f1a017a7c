"""8905: a CP plan's initial category of abuse must be given and valid."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.codes import CATEGORY_OF_ABUSE
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("InitialCategoryOfAbuse",)


def _check(ret: Return) -> pl.DataFrame:
    rows = ret.table("ChildProtectionPlans")
    return failures(
        "ChildProtectionPlans",
        rows.filter(~pl.col("InitialCategoryOfAbuse").is_in(CATEGORY_OF_ABUSE).fill_null(False)),
        fields=FIELDS,
    )


RULE = Rule(
    code="8905",
    severity="error",
    message=(
        "Initial Category of Abuse code missing or invalid (see Category of Abuse "
        "table in CIN Census code set)"
    ),
    tables=("ChildProtectionPlans",),
    fields=FIELDS,
    check=_check,
)

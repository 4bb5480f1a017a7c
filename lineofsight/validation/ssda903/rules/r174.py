"""174: a male child has the date of birth of a child of their own.

Male is the year's SEX code labelled Male (1 to 2023-24, M after)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_named, found

FIELDS = ("MC_DOB", "SEX")


def _check(ret: Return) -> pl.DataFrame:
    male = code_named(ret.year, "Header", "SEX", "Male")
    frame = ret.table("Header")
    return found(
        "Header",
        frame.filter((pl.col("SEX") == male) & pl.col("MC_DOB_text").is_not_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="174",
    severity="error",
    message=("Mother's child date of birth is recorded but sex shows that the child is a male."),
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

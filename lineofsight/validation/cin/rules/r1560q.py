"""1560Q: a former UPN must look like a UPN: a letter and 12 digits, or a letter, 11 digits
and a letter other than I, O or S. Its check letter and LA number are not tested (a former
UPN may have been allocated anywhere, or be a temporary one)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.cin.upn import CHECK_LETTERS
from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, failures

FIELDS = ("FormerUPN",)
FORMAT = rf"^[A-Z][0-9]{{11}}[0-9{CHECK_LETTERS}]$"


def _check(ret: Return) -> pl.DataFrame:
    ids = ret.table("ChildIdentifiers")
    wrong = ~pl.col("FormerUPN").str.contains(FORMAT)
    return failures("ChildIdentifiers", ids.filter(wrong), fields=FIELDS)


RULE = Rule(
    code="1560Q",
    severity="query",
    message="Please check and either amend or provide a reason: Former UPN wrongly formatted",
    tables=("ChildIdentifiers",),
    fields=FIELDS,
    check=_check,
)

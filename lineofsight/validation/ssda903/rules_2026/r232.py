"""232 (in force 2025-26; in D2I's 2024-25 rules, not in our 2024-25 list): the child's sex
is recorded as U (unknown).

DfE's condition: SEX should not be U. Read on the Header (the UASC table's SEX must equal
it, INT21), ignoring case as DfE's codes are upper case.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SEX",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Header").filter(pl.col("SEX").str.to_uppercase() == "U")
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="232",
    severity="error",
    message="Sex of the child/young person has been reported as unknown.",
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

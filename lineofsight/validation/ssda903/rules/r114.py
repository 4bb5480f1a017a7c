"""114: FOSTER_CARE is not 0 or 1 (blank is 151's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("FOSTER_CARE",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "AD1", "FOSTER_CARE", required=False)


RULE = Rule(
    code="114",
    severity="error",
    message=("Data entry to record the status of former carer(s) of an adopted child is invalid."),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

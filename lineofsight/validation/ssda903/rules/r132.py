"""132: the care leaver's activity is not a code for the year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("ACTIV",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "OC3", "ACTIV", required=False)


RULE = Rule(
    code="132",
    severity="error",
    message=("Data entry for activity after leaving care is invalid."),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)

"""131: IN_TOUCH is not a code (all-blank OC3 items are 153's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("IN_TOUCH",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "OC3", "IN_TOUCH", required=False)


RULE = Rule(
    code="131",
    severity="error",
    message=("Data entry for being in touch after leaving care is invalid."),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)

"""145: the category of need is blank or not N1-N8 (blank fails: CIN is required)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("CIN",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "CIN", required=True)


RULE = Rule(
    code="145",
    severity="error",
    message=("Category of need code is not a valid code."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

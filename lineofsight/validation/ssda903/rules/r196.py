"""196: the reason for no SDQ score is not SDQ1-SDQ5."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("SDQ_REASON",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "OC2", "SDQ_REASON", required=False)


RULE = Rule(
    code="196",
    severity="error",
    message=("Strengths and Difficulties (SDQ) reason is not a valid code."),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

"""149: the reason episode ceased is not a code (blank is 148's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("REC",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "REC", required=False)


RULE = Rule(
    code="149",
    severity="error",
    message=("Reason episode ceased code is not valid."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""143: the reason for new episode is blank or not a code.

RNE is required on every episode, so blank fails here too."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("RNE",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "RNE", required=True)


RULE = Rule(
    code="143",
    severity="error",
    message=("The reason for new episode code is not a valid code."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

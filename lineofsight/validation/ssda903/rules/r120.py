"""120: the reason the decision to place for adoption was reversed is not RD1-RD4."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("REASON_PLACED_CEASED",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "PlacedAdoption", "REASON_PLACED_CEASED", required=False)


RULE = Rule(
    code="120",
    severity="error",
    message=(
        "The reason for the reversal of the decision that the child should be placed for "
        "adoption code is not valid."
    ),
    tables=("PlacedAdoption",),
    fields=FIELDS,
    check=_check,
)

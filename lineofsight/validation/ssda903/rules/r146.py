"""146: the placement type is blank or not valid in the collection year's list.

The list is the year's spec's: H5 and P2 go in 2024-25 (K3 comes), Z1 splits into
Z11-Z14 in 2025-26. Blank fails: PLACE is required."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import code_invalid

FIELDS = ("PLACE",)


def _check(ret: Return) -> pl.DataFrame:
    return code_invalid(ret, "Episodes", "PLACE", required=True)


RULE = Rule(
    code="146",
    severity="error",
    message=("Placement type code is not a valid code."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""444 (new in 2025-26): the same UPN is given for more than one child.

DfE's condition: if UPN is given and is not UN1-UN5, it must be unique within the LA's
return for the year. Every Header row sharing such a UPN with another row fails.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("UPN",)
UNKNOWN_UPN = ("UN1", "UN2", "UN3", "UN4", "UN5")


def _check(ret: Return) -> pl.DataFrame:
    upn = pl.col("UPN")
    counted = upn.is_not_null() & ~upn.is_in(UNKNOWN_UPN)
    frame = ret.table("Header").filter(counted & (pl.len().over("UPN") > 1))
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="444",
    severity="error",
    message="Duplicate UPN has been reported",
    tables=("Header",),
    fields=FIELDS,
    check=_check,
)

"""451: an episode under a freeing order (D1) is still open at 31 March (no DEC, no REC).

"Still freed" is read as the D1 episode not having ended."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DEC", "LS", "REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = (pl.col("LS") == "D1") & pl.col("DEC").is_null() & pl.col("REC").is_null()
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="451",
    severity="error",
    message=(
        "Child is still freed for adoption, but freeing orders could not be applied for since "
        "30 December 2005."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

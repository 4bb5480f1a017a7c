"""179: an episode that is not a short break (LS V3, V4) has a placement location
(PL_LOCATION) that is not IN or OUT (blank included: DfE derives it from PL_POST)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import SHORT_BREAKS, found

FIELDS = ("PL_LOCATION",)


def _check(ret: Return) -> pl.DataFrame:
    valid = pl.col("PL_LOCATION").is_in(["IN", "OUT"]).fill_null(False)
    bad = ~pl.col("LS").is_in(SHORT_BREAKS).fill_null(False) & ~valid
    return found("Episodes", ret.table("Episodes").filter(bad), fields=FIELDS)


RULE = Rule(
    code="179",
    severity="error",
    message="Placement location code is not a valid code.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
)

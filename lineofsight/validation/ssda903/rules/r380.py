"""380: an episode starting a period of care (RNE S) is a temporary placement (T0-T4)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, found

FIELDS = ("PLACE", "RNE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter((pl.col("RNE") == "S") & pl.col("PLACE").is_in(TEMPORARY)),
        fields=FIELDS,
    )


RULE = Rule(
    code="380",
    severity="error",
    message=("A period of care cannot start with a temporary placement."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""355: an episode ends the day it starts (dates only, so under 24 hours)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM", "DEC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter(pl.col("DEC") == pl.col("DECOM")), fields=FIELDS)


RULE = Rule(
    code="355",
    severity="error",
    message=("Episode appears to have lasted for less than 24 hours"),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

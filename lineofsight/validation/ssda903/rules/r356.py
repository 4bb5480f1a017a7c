"""356: an episode ends before it starts."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM", "DEC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter(pl.col("DEC") < pl.col("DECOM")), fields=FIELDS)


RULE = Rule(
    code="356",
    severity="error",
    message=("The date the episode ceased is before the date the same episode started."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

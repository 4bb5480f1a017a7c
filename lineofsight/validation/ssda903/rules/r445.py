"""445: an episode starting on or after 1 January 2006 has legal status D1 (freeing order)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM", "LS")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = (pl.col("LS") == "D1") & (pl.col("DECOM") >= dt.date(2006, 1, 1))
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="445",
    severity="error",
    message="D1 is not a valid code for episodes starting after December 2005.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

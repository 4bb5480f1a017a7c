"""353: an episode starts before 14 October 1991 (the Children Act 1989 came into force)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter(pl.col("DECOM") < dt.date(1991, 10, 14)), fields=FIELDS)


RULE = Rule(
    code="353",
    severity="error",
    message=("No episode submitted can start before 14 October 1991."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""392d: home and placement postcodes are the same (ignoring case and spaces) and the
placement is not with parents (P1)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("HOME_POST", "PLACE", "PL_POST")


def _normal(column: str) -> pl.Expr:
    return pl.col(column).str.to_uppercase().str.replace_all(" ", "")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = (_normal("HOME_POST") == _normal("PL_POST")) & (pl.col("PLACE") != "P1")
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="392d",
    severity="error",
    message="Home and placement postcodes should not be same unless the placement type is P1.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

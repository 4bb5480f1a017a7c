"""INT21: SEX in UASC is not the child's SEX in Header (a blank on one side
differs too; a child not in Header at all is INT09's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, with_header

FIELDS = ("SEX", "SEX_header")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "UASC", "SEX")
    differs = pl.col("SEX").ne_missing(pl.col("SEX_header"))
    in_header = pl.col("CHILD").is_in(ret.table("Header")["CHILD"].drop_nulls().implode())
    return found("UASC", frame.filter(in_header & differs), fields=FIELDS)


RULE = Rule(
    code="INT21",
    severity="error",
    message=("Internal Check: SEX in UASC is different to SEX in Header."),
    tables=("Header", "UASC"),
    fields=FIELDS,
    check=_check,
)

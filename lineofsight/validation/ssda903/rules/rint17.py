"""INT17: DOB in Reviews is not the child's DOB in Header (a blank on one side
differs too; a child not in Header at all is INT08's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, with_header

FIELDS = ("DOB", "DOB_header")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Reviews", "DOB")
    differs = pl.col("DOB").ne_missing(pl.col("DOB_header"))
    in_header = pl.col("CHILD").is_in(ret.table("Header")["CHILD"].drop_nulls().implode())
    return found("Reviews", frame.filter(in_header & differs), fields=FIELDS)


RULE = Rule(
    code="INT17",
    severity="error",
    message=("Internal Check: DOB in Reviews is different to DOB in Header."),
    tables=("Header", "Reviews"),
    fields=FIELDS,
    check=_check,
)

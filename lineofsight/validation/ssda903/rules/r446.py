"""446: a placement order (E1) episode starts before placement orders existed.

Reading: "before December 2005" is before 30 December 2005, when the Adoption and Children
Act 2002 brought in placement orders."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DECOM", "LS")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter((pl.col("LS") == "E1") & (pl.col("DECOM") < dt.date(2005, 12, 30))),
        fields=FIELDS,
    )


RULE = Rule(
    code="446",
    severity="error",
    message=("E1 is not a valid code for episodes starting before December 2005."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

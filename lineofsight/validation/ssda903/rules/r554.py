"""554: the placement order was granted (earliest DECOM of an E1 episode in the return)
before every decision that the child should be placed for adoption (DATE_PLACED).

An order granted before this year's episodes cannot be seen (hence the note): the earliest
E1 episode here stands for it. The PlacedAdoption rows of a failing child are shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r552 import before_decision

FIELDS = ("DATE_PLACED", "DECOM", "LS")


def _check(ret: Return) -> pl.DataFrame:
    ordered = ret.table("Episodes").filter(pl.col("LS") == "E1")
    frame = before_decision(ret, ordered).with_columns(pl.lit("E1").alias("LS"))
    return found("PlacedAdoption", frame, fields=FIELDS)


RULE = Rule(
    code="554",
    severity="error",
    message=(
        "Date of decision that the child should be placed for adoption should be on or prior "
        "to the date that the placement order was granted. [NOTE: This rule may result in "
        "false positives or false negatives if relevant episodes are in previous years; please "
        "check carefully!]"
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

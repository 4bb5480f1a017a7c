"""556: the freeing order was granted (earliest DECOM of a D1 episode in the return) before
every decision that the child should be placed for adoption (DATE_PLACED).

The PlacedAdoption rows of a failing child are shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r552 import before_decision

FIELDS = ("DATE_PLACED", "DECOM")


def _check(ret: Return) -> pl.DataFrame:
    freed = ret.table("Episodes").filter(pl.col("LS") == "D1")
    return found("PlacedAdoption", before_decision(ret, freed), fields=FIELDS)


RULE = Rule(
    code="556",
    severity="error",
    message=(
        "Date of decision that the child should be placed for adoption should be on or prior "
        "to the date that the freeing order was granted."
    ),
    tables=("Episodes", "PlacedAdoption"),
    fields=FIELDS,
    check=_check,
)

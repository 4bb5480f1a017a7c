"""503D: this year's first episode of a child has a different placement type (PLACE) from
the episode left open at the end of last year's return.

Only children whose first episode here continues that open one (the same DECOM) are
compared. A code the new year's list replaced may continue as its successor: H5 as K3
(2024-25) and Z1 as any of Z11-Z14 (2025-26)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r502 import first_against_last

FIELDS = ("PLACE",)
SUCCESSORS = {"H5": ("K3",), "Z1": ("Z11", "Z12", "Z13", "Z14")}


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    succeeded = pl.lit(False)
    for old, new in SUCCESSORS.items():
        succeeded = succeeded | ((pl.col("PLACE_last") == old) & pl.col("PLACE").is_in(new))
    bad = (
        (pl.col("DECOM") == pl.col("DECOM_last"))
        & pl.col("PLACE").ne_missing(pl.col("PLACE_last"))
        & ~succeeded.fill_null(False)
    )
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "PLACE_last"))


RULE = Rule(
    code="503D",
    severity="error",
    message=(
        "The placement type in the first episode does not match open episode at end of last year"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

"""503J: this year's first episode of a child has a different placement location
(PL_LOCATION) from the episode left open at the end of last year's return (blank differs
from given).

Only children whose first episode here continues that open one (the same DECOM) are
compared, as for 503A-503F. Both years need the derived column."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r502 import first_against_last

FIELDS = ("PL_LOCATION",)


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    bad = (pl.col("DECOM") == pl.col("DECOM_last")) & pl.col("PL_LOCATION").ne_missing(
        pl.col("PL_LOCATION_last")
    )
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "PL_LOCATION_last"))


RULE = Rule(
    code="503J",
    severity="error",
    message=(
        "The placement location in first episode does not match open episode at end of last year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
    derived=FIELDS,
)

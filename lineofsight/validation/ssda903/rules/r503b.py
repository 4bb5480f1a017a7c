"""503B: this year's first episode of a child has a different legal status (LS) from the
episode left open at the end of last year's return (blank differs from given).

Only children whose first episode here continues that open one (the same DECOM) are
compared; a different DECOM is 502's concern."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r502 import first_against_last

FIELDS = ("LS",)


def _check(ret: Return) -> pl.DataFrame:
    frame = first_against_last(ret)
    bad = (pl.col("DECOM") == pl.col("DECOM_last")) & pl.col("LS").ne_missing(pl.col("LS_last"))
    return found("Episodes", frame.filter(bad), fields=(*FIELDS, "LS_last"))


RULE = Rule(
    code="503B",
    severity="error",
    message=(
        "The legal status in the first episode does not match open episode at end of last year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

"""378: a child accommodated under s20 (V2) is placed with parents (P1)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes", frame.filter((pl.col("LS") == "V2") & (pl.col("PLACE") == "P1")), fields=FIELDS
    )


RULE = Rule(
    code="378",
    severity="error",
    message=(
        "A child who is placed with parent(s) cannot be looked after under a single period "
        "of accommodation under Section 20 of the Children Act 1989."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

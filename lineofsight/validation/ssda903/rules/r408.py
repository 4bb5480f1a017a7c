"""408: a placement for adoption with a placement order (A5, A6) but legal status is not a
placement order (E1) or freeing order (D1, its predecessor)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = pl.col("PLACE").is_in(["A5", "A6"]) & ~pl.col("LS").is_in(["E1", "D1"])
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="408",
    severity="error",
    message=(
        "Child is placed for adoption with a placement order, but no placement order has been "
        "recorded."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

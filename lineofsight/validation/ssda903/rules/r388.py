"""388: an episode ends X1 (a new episode begins) but the child has no later episode."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("REC",)


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    bad = (pl.col("REC") == "X1") & pl.col("next_DECOM").is_null()
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="388",
    severity="error",
    message=(
        "Reason episode ceased is coded new episode begins, but there is no continuation episode."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

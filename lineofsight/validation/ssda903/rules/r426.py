"""426: a child has both V3 and V4 episodes in the return (every such episode is shown)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes").filter(pl.col("LS").is_in(["V3", "V4"]))
    both = pl.col("LS").n_unique().over("CHILD") > 1
    return found("Episodes", frame.filter(both), fields=FIELDS)


RULE = Rule(
    code="426",
    severity="error",
    message=(
        "A child receiving respite care cannot be recorded under a legal status of V3 and V4 "
        "in the same year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""581: a missing/away period starts before the child's first episode in the return starts
(children with no episodes are left to other rules)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MIS_START", "first_DECOM")


def _check(ret: Return) -> pl.DataFrame:
    first = ret.table("Episodes").group_by("CHILD").agg(pl.col("DECOM").min().alias("first_DECOM"))
    frame = ret.table("Missing").join(first, on="CHILD")
    return found(
        "Missing", frame.filter(pl.col("MIS_START") < pl.col("first_DECOM")), fields=FIELDS
    )


RULE = Rule(
    code="581",
    severity="error",
    message=("Child is missing but has not yet started to be looked after."),
    tables=("Episodes", "Missing"),
    fields=FIELDS,
    check=_check,
)

"""1011: care leaver information for a child whose final episode (latest DECOM) ended in a
transfer to another LA (REC E3)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    final = ret.table("Episodes").sort("CHILD", "DECOM").group_by("CHILD").agg(pl.col("REC").last())
    moved = final.filter(pl.col("REC") == "E3")["CHILD"]
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    frame = ret.table("OC3").filter(given & pl.col("CHILD").is_in(moved.implode()))
    return found("OC3", frame, fields=FIELDS)


RULE = Rule(
    code="1011",
    severity="error",
    message=(
        "This child is recorded as having his/her care transferred to another local "
        "authority for the final episode and therefore should not have the care leaver "
        "information completed."
    ),
    tables=("Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
)

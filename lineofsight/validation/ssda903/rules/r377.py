"""377: more than two temporary placements while the foster carer is on holiday (T3).

The "12-month period" is read as the collection year: a child with three or more T3
episodes in the return has each of them shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PLACE",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes").filter(pl.col("PLACE") == "T3")
    return found("Episodes", frame.filter(pl.len().over("CHILD") > 2), fields=FIELDS)


RULE = Rule(
    code="377",
    severity="error",
    message=(
        "Only two temporary placements coded as being due to holiday of usual foster "
        "carer(s) are allowed in any 12- month period."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

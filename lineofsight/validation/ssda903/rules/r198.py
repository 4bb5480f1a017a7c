"""198: a reason for no SDQ score for a child not looked after for 12 months at 31 March
(read as in 185)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r185 import looked_after_12_months

FIELDS = ("SDQ_REASON",)


def _check(ret: Return) -> pl.DataFrame:
    cla = looked_after_12_months(ret).implode()
    frame = ret.table("OC2").filter(
        pl.col("SDQ_REASON").is_not_null() & ~pl.col("CHILD").is_in(cla)
    )
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="198",
    severity="error",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 "
        "March but a reason for no Strengths and Difficulties (SDQ) score has been "
        "completed."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)

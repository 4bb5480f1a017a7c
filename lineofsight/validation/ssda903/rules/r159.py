"""159: a substance misuse problem, no intervention received (0), and whether one was
offered is blank."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    return found(
        "OC2",
        frame.filter(
            (pl.col("SUBSTANCE_MISUSE") == "1")
            & (pl.col("INTERVENTION_RECEIVED") == "0")
            & pl.col("INTERVENTION_OFFERED").is_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="159",
    severity="error",
    message=(
        "If a child has been recorded as not receiving an intervention for their substance "
        "misuse problem, then the additional item on whether an intervention was offered "
        "should be completed as well."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

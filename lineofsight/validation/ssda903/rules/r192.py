"""192: a substance misuse problem (1) without whether an intervention was received."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    return found(
        "OC2",
        frame.filter(
            (pl.col("SUBSTANCE_MISUSE") == "1") & pl.col("INTERVENTION_RECEIVED").is_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="192",
    severity="error",
    message=(
        "Child has been identified as having a substance misuse problem but the additional "
        "item on whether an intervention was received has been left blank."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

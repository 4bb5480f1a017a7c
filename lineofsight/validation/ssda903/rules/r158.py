"""158: an intervention was received (1) and whether one was offered is also given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    return found(
        "OC2",
        frame.filter(
            (pl.col("INTERVENTION_RECEIVED") == "1") & pl.col("INTERVENTION_OFFERED").is_not_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="158",
    severity="error",
    message=(
        "If a child has been recorded as receiving an intervention for their substance "
        "misuse problem, then the additional item on whether an intervention was offered "
        "should be left blank."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

"""193: no substance misuse problem (0) but an intervention received or offered is given."""

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
            (pl.col("SUBSTANCE_MISUSE") == "0")
            & (
                pl.col("INTERVENTION_RECEIVED").is_not_null()
                | pl.col("INTERVENTION_OFFERED").is_not_null()
            )
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="193",
    severity="error",
    message=(
        "Child not identified as having a substance misuse problem but at least one of the "
        "two additional items on whether an intervention were offered and received have been "
        "completed."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

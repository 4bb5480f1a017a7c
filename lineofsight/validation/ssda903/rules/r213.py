"""213: a temporary (T0-T4) or other (Z1, Z11-Z14) placement has a placement provider."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import OTHER_PLACEMENTS, TEMPORARY, found

FIELDS = ("PLACE", "PLACE_PROVIDER")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(
            pl.col("PLACE").is_in([*TEMPORARY, *OTHER_PLACEMENTS])
            & pl.col("PLACE_PROVIDER").is_not_null()
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="213",
    severity="error",
    message=("Placement provider information not required."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""544: conviction information (CONVICTED) is given but one of IMMUNISATIONS, TEETH_CHECK,
HEALTH_ASSESSMENT or
SUBSTANCE_MISUSE is blank."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

HEALTH = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
FIELDS = ("CONVICTED", *HEALTH)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    blank = pl.any_horizontal(pl.col(c).is_null() for c in HEALTH)
    return found("OC2", frame.filter(pl.col("CONVICTED").is_not_null() & blank), fields=FIELDS)


RULE = Rule(
    code="544",
    severity="error",
    message=(
        "Any child who has conviction information completed must also have immunisation, "
        "teeth check, health assessment and substance misuse problem identified fields "
        "completed."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

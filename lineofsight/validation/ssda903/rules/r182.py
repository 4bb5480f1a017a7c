"""182: some OC2 item given but one of IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT,
SUBSTANCE_MISUSE blank: those four must be given, or every OC2 item left blank."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)

REQUIRED = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


def _check(ret: Return) -> pl.DataFrame:
    any_given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    some_blank = pl.any_horizontal(pl.col(c).is_null() for c in REQUIRED)
    return found("OC2", ret.table("OC2").filter(any_given & some_blank), fields=FIELDS)


RULE = Rule(
    code="182",
    severity="error",
    message=(
        "Data entries on immunisations, teeth checks, health assessments and substance "
        "misuse problem identified should be completed or all OC2 fields should be "
        "left blank."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

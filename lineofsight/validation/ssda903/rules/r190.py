"""190: an OC2 12-month item given for a child not looked after for 12 months at 31 March
(read as in 185)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r185 import looked_after_12_months

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


def _check(ret: Return) -> pl.DataFrame:
    cla = looked_after_12_months(ret).implode()
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    frame = ret.table("OC2").filter(given & ~pl.col("CHILD").is_in(cla))
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="190",
    severity="error",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 "
        "March but one or more data items relating to children looked after for 12 "
        "months have been completed."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)

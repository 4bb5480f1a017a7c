"""181: an OC2 item for children looked after 12 months is given but is not 0 or 1.

Blank items are 182's and 191's concern."""

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


def _check(ret: Return) -> pl.DataFrame:
    bad = pl.any_horizontal(pl.col(c).is_not_null() & ~pl.col(c).is_in(["0", "1"]) for c in FIELDS)
    frame = ret.table("OC2")
    return found("OC2", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="181",
    severity="error",
    message=(
        "Data items relating to children looked after continuously for 12 months should be "
        "completed with a 0 or 1."
    ),
    tables=("OC2",),
    fields=FIELDS,
    check=_check,
)

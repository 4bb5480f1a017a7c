"""191: an OC2 row of a child looked after for 12 months at 31 March (read as in 185) with
IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT or SUBSTANCE_MISUSE blank. A missing OC2 row
is not this rule's concern."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r185 import looked_after_12_months

FIELDS = ("CHILD", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "SUBSTANCE_MISUSE", "TEETH_CHECK")


def _check(ret: Return) -> pl.DataFrame:
    cla = looked_after_12_months(ret).implode()
    blank = pl.any_horizontal(pl.col(c).is_null() for c in FIELDS[1:])
    frame = ret.table("OC2").filter(blank & pl.col("CHILD").is_in(cla))
    return found("OC2", frame, fields=FIELDS)


RULE = Rule(
    code="191",
    severity="error",
    message=(
        "Child has been looked after continuously for at least 12 months at 31 March "
        "but one or more data items relating to children looked after for 12 months "
        "have been left blank."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)

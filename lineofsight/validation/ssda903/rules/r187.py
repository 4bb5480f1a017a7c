"""187: a child in the OC2 cohort (continuously looked after for 12 months at 31 March, read
as in 543) has adoption (any AD1 item) or care leaver (any OC3 item) data. Each AD1 or OC3
row with an item given fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r134 import AD1_ITEMS, OC3_ITEMS, given
from lineofsight.validation.ssda903.rules.r543 import continuously_looked_after

FIELDS = (*AD1_ITEMS, *OC3_ITEMS)


def _check(ret: Return) -> pl.DataFrame:
    cohort = pl.col("CHILD").is_in(continuously_looked_after(ret))
    ad1 = ret.table("AD1").filter(cohort & given(AD1_ITEMS))
    oc3 = ret.table("OC3").filter(cohort & given(OC3_ITEMS))
    return pl.concat([found("AD1", ad1, fields=AD1_ITEMS), found("OC3", oc3, fields=OC3_ITEMS)])


RULE = Rule(
    code="187",
    severity="error",
    message=(
        "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have "
        "any of adoption or care leavers returns completed."
    ),
    tables=("AD1", "Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
)

"""215: a child has care leaver data (any of OC3's IN_TOUCH, ACTIV, ACCOM given) and one or
more of OC2's items for children looked after for 12 months (CONVICTED to
INTERVENTION_OFFERED; not the SDQ). The child's OC3 and OC2 rows both fail, each showing
both tables' items."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.rules.r134 import OC3_ITEMS, given
from lineofsight.validation.ssda903.rules.r181 import FIELDS as OC2_ITEMS  # the 0/1 items

FIELDS = (*OC3_ITEMS, *OC2_ITEMS)


def _check(ret: Return) -> pl.DataFrame:
    oc3 = ret.table("OC3").filter(given(OC3_ITEMS))
    oc2 = ret.table("OC2").filter(given(OC2_ITEMS))
    oc3_items = oc3.unique("CHILD", keep="first").select("CHILD", *OC3_ITEMS)
    oc2_items = oc2.unique("CHILD", keep="first").select("CHILD", *OC2_ITEMS)
    leavers = oc3.select("CHILD", "row", *OC3_ITEMS).join(oc2_items, on="CHILD")
    outcomes = oc2.select("CHILD", "row", *OC2_ITEMS).join(oc3_items, on="CHILD")
    return pl.concat(
        [
            found("OC3", leavers.sort("row"), fields=FIELDS),
            found("OC2", outcomes.sort("row"), fields=FIELDS),
        ]
    )


RULE = Rule(
    code="215",
    severity="error",
    message=(
        "Child has care leaver information but one or more data items relating to children "
        "looked after for 12 months have been completed."
    ),
    tables=("OC2", "OC3"),
    fields=FIELDS,
    check=_check,
)

"""628: MOTHER is given for a care leaver in OC3 who has no episodes (was not looked after)
in the year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MOTHER",)


def _check(ret: Return) -> pl.DataFrame:
    leavers = ret.table("OC3").select("CHILD").unique()
    looked_after = ret.table("Episodes").select("CHILD").unique()
    frame = (
        ret.table("Header")
        .filter(pl.col("MOTHER").is_not_null())
        .join(leavers, on="CHILD", how="semi")
        .join(looked_after, on="CHILD", how="anti")
    )
    return found("Header", frame, fields=FIELDS)


RULE = Rule(
    code="628",
    severity="error",
    message=(
        "Motherhood details are not required for care leavers who have not been looked "
        "after during the year."
    ),
    tables=("Episodes", "Header", "OC3"),
    fields=FIELDS,
    check=_check,
)

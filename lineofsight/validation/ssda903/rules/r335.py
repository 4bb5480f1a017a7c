"""335: AD1 FOSTER_CARE disagrees with the placement the child was adopted from.

DfE: "Where <PL> = 'A2', 'A3' or 'A5' and <REC> = 'E1', 'E11', 'E12' <FOSTER_CARE> should
not be '0'; where <PL> = 'A1', 'A4' or 'A6' and <REC> = 'E1', 'E11', 'E12' <FOSTER_CARE>
should not be '1'." A3/A5 are placements for adoption with the current foster carer, A4/A6
not; A1, A2 and E1 are older codes, kept as DfE lists them. The AD1 row fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("FOSTER_CARE", "PLACE")
WITH_FOSTER_CARER = ("A2", "A3", "A5")
NOT_WITH_FOSTER_CARER = ("A1", "A4", "A6")


def _check(ret: Return) -> pl.DataFrame:
    adopted = (
        ret.table("Episodes")
        .filter(pl.col("REC").is_in(["E1", "E11", "E12"]))
        .select("CHILD", "PLACE")
    )
    frame = ret.table("AD1").join(adopted, on="CHILD", how="inner")
    foster = pl.col("FOSTER_CARE")
    place = pl.col("PLACE")
    bad = (place.is_in(WITH_FOSTER_CARER) & (foster == "0")) | (
        place.is_in(NOT_WITH_FOSTER_CARER) & (foster == "1")
    )
    return found("AD1", frame.filter(bad).sort("row"), fields=FIELDS)


RULE = Rule(
    code="335",
    severity="error",
    message=(
        "The current foster value (0) suggests that child is not adopted by current foster "
        "carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests "
        "that child is adopted by current foster carer, but last placement is A1, A4 or A6."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)

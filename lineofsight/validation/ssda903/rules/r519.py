"""519: adopters who are civil partners (L2) not coded as a couple."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS_ADOPTR", "SEX_ADOPTR")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("AD1")
    return found(
        "AD1",
        frame.filter(
            (pl.col("LS_ADOPTR") == "L2")
            & pl.col("SEX_ADOPTR").is_not_null()
            & ~pl.col("SEX_ADOPTR").is_in(["MM", "FF", "MF"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="519",
    severity="error",
    message=(
        "Data entered on the legal status of adopters shows civil partnership couple, but "
        "data entered on genders of adopters does not show it as a couple."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""524: adopters who are a married same-sex couple (L12) not coded MM or FF."""

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
            (pl.col("LS_ADOPTR") == "L12")
            & pl.col("SEX_ADOPTR").is_not_null()
            & ~pl.col("SEX_ADOPTR").is_in(["MM", "FF"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="524",
    severity="error",
    message=(
        "If reporting legal status of adopters is L12 then the genders of adopters should be "
        "coded as MM or FF. MM = the adopting couple are both males. FF = the adopting "
        "couple are both females"
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

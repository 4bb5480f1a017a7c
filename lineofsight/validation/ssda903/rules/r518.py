"""518: adopters who are an unmarried same-sex couple (L4) not coded MM or FF."""

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
            (pl.col("LS_ADOPTR") == "L4")
            & pl.col("SEX_ADOPTR").is_not_null()
            & ~pl.col("SEX_ADOPTR").is_in(["MM", "FF"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="518",
    severity="error",
    message=(
        "If reporting legal status of adopters is L4 then the genders of adopters should be "
        "coded as MM or FF. MM = the adopting couple are both males. FF = the adopting "
        "couple are both females."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

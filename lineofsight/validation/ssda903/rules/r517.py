"""517: adopters who are an unmarried different-sex couple (L3) not coded MF."""

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
            (pl.col("LS_ADOPTR") == "L3")
            & pl.col("SEX_ADOPTR").is_not_null()
            & ~pl.col("SEX_ADOPTR").is_in(["MF"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="517",
    severity="error",
    message=(
        "If reporting legal status of adopters is L3 then the genders of adopters should be "
        "coded as MF. MF = the adopting couple are male and female."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

"""511: two adopters (NB_ADOPTR 2) whose sex code is not a couple's (MM, FF or MF)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("NB_ADOPTR", "SEX_ADOPTR")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("AD1")
    return found(
        "AD1",
        frame.filter(
            (pl.col("NB_ADOPTR") == "2")
            & pl.col("SEX_ADOPTR").is_not_null()
            & ~pl.col("SEX_ADOPTR").is_in(["MM", "FF", "MF"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="511",
    severity="error",
    message=(
        "If reporting that the number of person(s) adopting the looked after child is two "
        "adopters then the code should only be MM, FF or MF. MM = the adopting couple are "
        "both males; FF = the adopting couple are both females; MF = The adopting couple are "
        "male and female."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

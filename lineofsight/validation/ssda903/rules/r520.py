"""520: adopters who are a married different-sex couple (L11) coded as same-sex (MM, FF)."""

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
        frame.filter((pl.col("LS_ADOPTR") == "L11") & pl.col("SEX_ADOPTR").is_in(["MM", "FF"])),
        fields=FIELDS,
    )


RULE = Rule(
    code="520",
    severity="error",
    message=(
        "Data entry on the legal status of adopters shows different gender married couple "
        "but data entry on genders of adopters shows it as a same gender couple."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

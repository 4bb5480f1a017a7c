"""514: a single adopter (LS_ADOPTR L0) whose sex code is a couple's."""

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
            (pl.col("LS_ADOPTR") == "L0") & pl.col("SEX_ADOPTR").is_in(["MM", "FF", "MF"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="514",
    severity="error",
    message=(
        "Data entry on the legal status of adopters shows a single adopter but data entry "
        "for the numbers of adopters shows it as a couple."
    ),
    tables=("AD1",),
    fields=FIELDS,
    check=_check,
)

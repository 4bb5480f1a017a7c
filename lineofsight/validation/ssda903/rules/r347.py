"""347: care leaver accommodation in a foyer (ACCOM T1, T2) for a young person under 18 at
31 March (OC3's DOB). DfE lists DEC, PLACE and URN; ACCOM and DOB are shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end

FIELDS = ("DEC", "PLACE", "URN")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC3").filter(
        pl.col("ACCOM").is_in(["T1", "T2"]) & (birthday(pl.col("DOB"), 18) > year_end(ret.year))
    )
    return found("OC3", frame, fields=("ACCOM", "DOB"))


RULE = Rule(
    code="347",
    severity="error",
    message=("Care leavers aged under 18 years, can not be accommodated in a Foyer."),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)

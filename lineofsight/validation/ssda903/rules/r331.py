"""331: the date of matching with adopters (AD1 DATE_MATCH) is after the date the child was
placed for adoption.

The placement's date is read as the DECOM of the child's episode ending in adoption (REC E11
or E12), as DfE's "<DATE_MATCH> ... <DECOM> ... <REC>" affected fields have it. The AD1 row
fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_MATCH", "DECOM", "REC")


def _check(ret: Return) -> pl.DataFrame:
    adopted = (
        ret.table("Episodes")
        .filter(pl.col("REC").is_in(["E11", "E12"]))
        .select("CHILD", "DECOM", "REC")
    )
    frame = ret.table("AD1").join(adopted, on="CHILD", how="inner")
    frame = frame.filter(pl.col("DATE_MATCH") > pl.col("DECOM")).sort("row")
    return found("AD1", frame, fields=FIELDS)


RULE = Rule(
    code="331",
    severity="error",
    message=(
        "Date of matching child and adopter(s) should be the same as, or prior to, the date "
        "of placement of adoption."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)

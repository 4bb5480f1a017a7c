"""334: the decision that the child should be placed for adoption (AD1 DATE_INT) is before
the child started to be looked after in the latest period of care.

DfE: "<DATE_INT> cannot be prior to <DECOM> of the first episode with <RNE> = 'S'" of the
latest period of care: read as the child's latest-starting episode with RNE S in the return.
A child with no RNE S episode this year began the period before it, so is not tested. The
AD1 row fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DATE_INT", "DECOM", "RNE")


def _check(ret: Return) -> pl.DataFrame:
    started = (
        ret.table("Episodes")
        .filter((pl.col("RNE") == "S") & pl.col("DECOM").is_not_null())
        .sort("CHILD", "DECOM", "row")
        .unique("CHILD", keep="last")
        .select("CHILD", "DECOM", "RNE")
    )
    frame = ret.table("AD1").join(started, on="CHILD", how="inner")
    frame = frame.filter(pl.col("DATE_INT") < pl.col("DECOM")).sort("row")
    return found("AD1", frame, fields=FIELDS)


RULE = Rule(
    code="334",
    severity="error",
    message=(
        "Date child started to be looked after in latest period of care must be on or prior "
        "to the date should be placed for adoption."
    ),
    tables=("AD1", "Episodes"),
    fields=FIELDS,
    check=_check,
)

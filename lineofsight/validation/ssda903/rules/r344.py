"""344: IN_TOUCH says the young person died (DIED) or returned home (RHOM) but ACTIV or ACCOM
is given as other than 0 (the code for "not in touch, died or returned home")."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("ACCOM", "ACTIV", "IN_TOUCH")


def _check(ret: Return) -> pl.DataFrame:
    coded = pl.any_horizontal(
        (pl.col(c).is_not_null() & (pl.col(c) != "0")) for c in ("ACTIV", "ACCOM")
    )
    frame = ret.table("OC3").filter(pl.col("IN_TOUCH").is_in(["DIED", "RHOM"]) & coded)
    return found("OC3", frame, fields=FIELDS)


RULE = Rule(
    code="344",
    severity="error",
    message=(
        "The record shows the young person has died or returned home to live with parent(s) "
        "or someone with parental responsibility for a continuous period of 6 months "
        "or more, but activity and/or accommodation on leaving care have been completed."
    ),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)

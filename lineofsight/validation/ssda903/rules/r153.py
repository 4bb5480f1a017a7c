"""153: some but not all of IN_TOUCH, ACTIV and ACCOM are given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    given = pl.sum_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    frame = ret.table("OC3")
    return found("OC3", frame.filter((given > 0) & (given < len(FIELDS))), fields=FIELDS)


RULE = Rule(
    code="153",
    severity="error",
    message=(
        "All data items relating to a child's activity or accommodation after leaving care "
        "must be coded or left blank."
    ),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)

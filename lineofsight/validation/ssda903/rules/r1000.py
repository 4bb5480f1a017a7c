"""1000: care leaver information (any of IN_TOUCH, ACTIV, ACCOM) for a child with an
episode this year that ended in death (REC E2). Only this year's episodes are read."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    died = ret.table("Episodes").filter(pl.col("REC") == "E2")["CHILD"]
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    frame = ret.table("OC3").filter(given & pl.col("CHILD").is_in(died.implode()))
    return found("OC3", frame, fields=FIELDS)


RULE = Rule(
    code="1000",
    severity="error",
    message=(
        "This child is recorded as having died in care and therefore should not have "
        "the care leaver information completed. [NOTE: This only tests the current "
        "and previous year data loaded into the tool]"
    ),
    tables=("Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
)

"""345: the LA is in touch (IN_TOUCH YES) but activity or accommodation is 0 (not in touch)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC3")
    return found(
        "OC3",
        frame.filter(
            (pl.col("IN_TOUCH") == "YES") & ((pl.col("ACTIV") == "0") | (pl.col("ACCOM") == "0"))
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="345",
    severity="error",
    message=(
        "The data collection record shows the local authority is in touch with this young "
        "person, but activity and/or accommodation data items are zero."
    ),
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
)

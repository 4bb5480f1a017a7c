"""384: a respite episode (V3/V4) is a long-term foster placement (U1 or U4)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(pl.col("LS").is_in(["V3", "V4"]) & pl.col("PLACE").is_in(["U1", "U4"])),
        fields=FIELDS,
    )


RULE = Rule(
    code="384",
    severity="error",
    message=("A child receiving respite care cannot be in a long-term foster placement"),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

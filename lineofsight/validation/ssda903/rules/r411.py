"""411: an episode placed IN the council's area (PL_LOCATION) has an LA of placement (PL_LA)
that is not the council's (`Return.la_code`).

DfE's condition tests IN only: OUT with the council's own code is not tested. A blank PL_LA
is 169's to report."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PL_LOCATION",)


def _check(ret: Return) -> pl.DataFrame:
    bad = (pl.col("PL_LOCATION") == "IN") & (pl.col("PL_LA") != ret.la_code)
    frame = ret.table("Episodes").filter(bad.fill_null(False))
    return found("Episodes", frame, fields=(*FIELDS, "PL_LA"))


RULE = Rule(
    code="411",
    severity="error",
    message="Placement location code disagrees with LA of placement.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=("PL_LOCATION", "PL_LA"),
    needs_la_code=True,
)

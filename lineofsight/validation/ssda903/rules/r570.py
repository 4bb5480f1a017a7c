"""570: a missing/away period starts after the collection year ends."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("MIS_START",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Missing")
    return found("Missing", frame.filter(pl.col("MIS_START") > year_end(ret.year)), fields=FIELDS)


RULE = Rule(
    code="570",
    severity="error",
    message=(
        "The date that the child started to be missing or away from placement without "
        "authorisation is after the end of the collection year."
    ),
    tables=("Missing",),
    fields=FIELDS,
    check=_check,
)

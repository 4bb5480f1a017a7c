"""1012: a row of PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 for a child with no
episode this year (such a child can only be in the return as an OC3 care leaver). Tables
absent from the return are not read."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)

OTHER_TABLES = ("PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2")


def _check(ret: Return) -> pl.DataFrame:
    children = ret.table("Episodes")["CHILD"].implode()
    frames = [
        found(name, ret.table(name).filter(~pl.col("CHILD").is_in(children)), fields=FIELDS)
        for name in OTHER_TABLES
        if name in ret.tables
    ]
    return pl.concat(frames) if frames else no_failures()


RULE = Rule(
    code="1012",
    severity="error",
    message=(
        "No other data should be returned for OC3 children who had no episodes in the current year"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""550: the placement provider is parents (PR0) but the placement is not with parents (P1)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PLACE", "PLACE_PROVIDER")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter((pl.col("PLACE_PROVIDER") == "PR0") & (pl.col("PLACE") != "P1")),
        fields=FIELDS,
    )


RULE = Rule(
    code="550",
    severity="error",
    message=("A placement provider code of PR0 can only be associated with placement P1."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

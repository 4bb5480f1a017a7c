"""531: the placement provider is voluntary provision (PR5) with P1."""

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
        frame.filter((pl.col("PLACE_PROVIDER") == "PR5") & pl.col("PLACE").is_in(["P1"])),
        fields=FIELDS,
    )


RULE = Rule(
    code="531",
    severity="error",
    message=("A placement provider code of PR5 cannot be associated with placements P1."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

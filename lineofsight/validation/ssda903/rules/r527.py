"""527: the placement provider is own LA provision (PR1) with P1, R2 or R5."""

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
        frame.filter(
            (pl.col("PLACE_PROVIDER") == "PR1") & pl.col("PLACE").is_in(["P1", "R2", "R5"])
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="527",
    severity="error",
    message=("A placement provider code of PR1 cannot be associated with placements P1, R2 or R5."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

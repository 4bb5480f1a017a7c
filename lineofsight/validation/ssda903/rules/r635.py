"""635: no previous permanence (Z1) but an LA or date of the order is given."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PREV_PERM", "LA_PERM", "DATE_PERM")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("PrevPerm")
    return found(
        "PrevPerm",
        frame.filter(
            (pl.col("PREV_PERM") == "Z1")
            & (pl.col("LA_PERM").is_not_null() | pl.col("DATE_PERM_text").is_not_null())
        ),
        fields=FIELDS,
    )


RULE = Rule(
    code="635",
    severity="error",
    message=(
        "There are entries for date of order and local authority code where previous "
        "permanence option was arranged but previous permanence code is Z1"
    ),
    tables=("PrevPerm",),
    fields=FIELDS,
    check=_check,
)

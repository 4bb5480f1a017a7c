"""336: a child placed for adoption with their current foster carer (PLACE A3 or A5) whose
previous episode was not a foster or adoption placement.

DfE: "Where <PL> = 'A3' or 'A5' previous episode <PL> must be one of: 'A3', 'A4', 'A5',
'A6', 'U1', 'U2', 'U3', 'U4', 'U5' or 'U6'". The previous episode is the child's episode
starting before it in the return; a child's first episode is not tested. The A3/A5 episode
fails."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    episodes_in_order,
    found,
)

FIELDS = ("PLACE", "prev_PLACE")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret).with_columns(
        pl.col("row").shift(1).over("CHILD").is_not_null().alias("has_previous")
    )
    before = pl.col("prev_PLACE").is_in([*ADOPTION_PLACEMENTS, *FOSTER_PLACEMENTS])
    bad = pl.col("PLACE").is_in(["A3", "A5"]) & pl.col("has_previous") & ~before.fill_null(False)
    return found("Episodes", frame.filter(bad).sort("row"), fields=FIELDS)


RULE = Rule(
    code="336",
    severity="error",
    message=(
        "Child does not have a foster placement immediately prior to being placed for adoption."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""242 (new in 2025-26): the placeholder URN XXXXXXX is used for a placement other than
adoption or fostering (the placements a regional adoption agency makes).

DfE's condition: if URN = XXXXXXX then PLACE must be A3-A6 or U1-U6. A blank PLACE with
XXXXXXX fails too (it is not one of them).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    PLACEHOLDER_URN,
    found,
)

FIELDS = ("URN",)


def _check(ret: Return) -> pl.DataFrame:
    allowed = pl.col("PLACE").is_in([*ADOPTION_PLACEMENTS, *FOSTER_PLACEMENTS]).fill_null(False)
    frame = ret.table("Episodes").filter((pl.col("URN") == PLACEHOLDER_URN) & ~allowed)
    return found("Episodes", frame, fields=("PLACE", "URN"))


RULE = Rule(
    code="242",
    severity="error",
    message="URN = 'XXXXXXX' can only be used for regional adoption agencies",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

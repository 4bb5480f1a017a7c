"""243 (new in 2025-26): a URN is given for a placement outside England or a confidential one.

DfE's condition: if PL_LA is CON, NIR, SCO, WAL or NUK then URN should be blank (only
providers registered with Ofsted, in England, have one). PL_LA is derived by DfE from the
placement postcode: the rule is skipped unless the return carries it. The placeholder
XXXXXXX counts as a URN given.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("URN",)
OUTSIDE_ENGLAND = ("CON", "NIR", "SCO", "WAL", "NUK")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes").filter(
        pl.col("PL_LA").is_in(OUTSIDE_ENGLAND) & pl.col("URN").is_not_null()
    )
    return found("Episodes", frame, fields=("PL_LA", "URN"))


RULE = Rule(
    code="243",
    severity="error",
    message="Only placements with providers registered with Ofsted should have a URN reported.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=("PL_LA",),
)

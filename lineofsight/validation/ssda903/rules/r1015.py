"""1015: the council's own provision (PLACE_PROVIDER PR1) places the child outside its area:
the LA of placement (PL_LA, given) is not the council's (`Return.la_code`).

DfE's condition leaves out fostering and adoption placements (A3-A6, U1-U6: the council's
carers may live in another area) and short breaks (LS V3, V4), and tests only episodes with
LS and PLACE given. A blank PL_LA is 169's to report."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    SHORT_BREAKS,
    found,
)

FIELDS = ("PL_LA",)
CARERS = (*ADOPTION_PLACEMENTS, *FOSTER_PLACEMENTS)


def _check(ret: Return) -> pl.DataFrame:
    bad = (
        (pl.col("PLACE_PROVIDER") == "PR1")
        & pl.col("PLACE").is_not_null()
        & ~pl.col("PLACE").is_in(CARERS)
        & pl.col("LS").is_not_null()
        & ~pl.col("LS").is_in(SHORT_BREAKS)
        & (pl.col("PL_LA") != ret.la_code)
    )
    frame = ret.table("Episodes").filter(bad.fill_null(False))
    return found("Episodes", frame, fields=(*FIELDS, "PLACE_PROVIDER", "PLACE"))


RULE = Rule(
    code="1015",
    severity="error",
    message="Placement provider is own provision but child not placed in own LA.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
    needs_la_code=True,
)

"""1015 (2025-26): own-LA provision (PR1) for a placement outside the council's area.

DfE's 2025-26 condition: where PLACE_PROVIDER is PR1, PLACE is not A3-A6, U1-U6 or K3 and LS
is not V3 or V4, PL_LA must be the council's own LA. PL_LA (ONS code, derived by DfE from
the placement postcode) must be in the return and the council's code known, else the rule
is skipped. Episodes with a blank PLACE, LS or PL_LA are not checked; PL_LA CON
(confidential) is not the council's code, so it fails as DfE's condition reads.

Change from 2024-25: K3 (registered supported accommodation) joins the adoption and foster
placements that may be own provision outside the LA's area.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, FOSTER_PLACEMENTS, found

FIELDS = ("PL_LA",)
MAY_BE_OUT_OF_AREA = (*ADOPTION_PLACEMENTS, *FOSTER_PLACEMENTS, "K3")


def _check(ret: Return) -> pl.DataFrame:
    bad = (
        (pl.col("PLACE_PROVIDER") == "PR1")
        & ~pl.col("PLACE").is_in(MAY_BE_OUT_OF_AREA)
        & ~pl.col("LS").is_in(["V3", "V4"])
        & (pl.col("PL_LA") != ret.la_code)
    )
    frame = ret.table("Episodes").filter(bad)
    return found("Episodes", frame, fields=("PLACE", "PLACE_PROVIDER", "LS", "PL_LA"))


RULE = Rule(
    code="1015",
    severity="error",
    message="Placement provider is own provision but child not placed in own LA.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=("PL_LA",),
    needs_la_code=True,
)

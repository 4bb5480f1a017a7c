"""218 (2025-26): no Ofsted URN for a placement in England that needs one.

DfE's 2025-26 condition: where PLACE is not P1, P3, R1, R2, R5, T0-T4 or Z11-Z14, and PL_LA
is not CON, NIR, SCO, WAL or NUK, and DEC is after 31/03/2015 or blank, URN should be given.
Read as: PLACE given (a blank PLACE is 146's); PL_LA is derived by DfE from the placement
postcode, so where the return does not carry it (or it is blank) the placement is taken to
be in England, as the 2024-25 rule does; a DEC given but not a date is neither after 2015
nor blank, so not checked (147's). The placeholder XXXXXXX is a URN given.

Change from 2024-25: Z1 leaves the exempt placements and Z11-Z14 join them; out of England
is now exactly the codes CON, NIR, SCO, WAL and NUK.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import TEMPORARY, found

FIELDS = ("URN",)
NO_URN = ("P1", "P3", "R1", "R2", "R5", *TEMPORARY, "Z11", "Z12", "Z13", "Z14")
OUTSIDE_ENGLAND = ("CON", "NIR", "SCO", "WAL", "NUK")
URNS_FROM = dt.date(2015, 3, 31)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    needs_urn = (
        pl.col("PLACE").is_not_null()
        & ~pl.col("PLACE").is_in(NO_URN)
        & (pl.col("DEC_text").is_null() | (pl.col("DEC") > URNS_FROM))
    )
    shown: tuple[str, ...] = ("PLACE", "URN")
    if "PL_LA" in frame.columns:
        needs_urn = needs_urn & ~pl.col("PL_LA").is_in(OUTSIDE_ENGLAND).fill_null(False)
        shown = ("PLACE", "PL_LA", "URN")
    return found("Episodes", frame.filter(needs_urn & pl.col("URN").is_null()), fields=shown)


RULE = Rule(
    code="218",
    severity="error",
    message="Ofsted Unique reference number (URN) is required.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

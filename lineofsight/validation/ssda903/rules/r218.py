"""218: an episode in a placement that takes a URN has none.

Every placement takes one except P1, P3, R1, R2, R5, T0-T4 and Z1/Z11-Z14
(statutory-formats §1.3; 222 is the converse), or a placement outside England. Outside
England is read from the derived PL_LA, where the return carries it: NIR, SCO, WAL, NUK, a
Northern Irish, Scottish or Welsh ONS code (N, S, W), or CON (a confidential placement, whose
area is not given; DfE's 2025-26 text lists it with the others). Without PL_LA, or where it
is blank, the placement is taken to be in England. Only episodes open on or after 1 April
are tested (as D2I states DfE's 2024-25 condition), and the placeholder XXXXXXX counts as a
URN."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import OTHER_PLACEMENTS, TEMPORARY, found, year_start

FIELDS = ("PLACE", "URN")
NO_URN = ("P1", "P3", "R1", "R2", "R5", *TEMPORARY, *OTHER_PLACEMENTS)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = (
        pl.col("URN").is_null()
        & ~pl.col("PLACE").is_in(NO_URN)
        & (pl.col("DEC").is_null() | (pl.col("DEC") >= year_start(ret.year)))
    )
    if "PL_LA" in frame.columns:
        la = pl.col("PL_LA").cast(pl.String).str.strip_chars().str.to_uppercase()
        abroad = la.is_in(["CON", "NIR", "SCO", "WAL", "NUK"]) | la.str.contains(r"^[NSW]\d")
        bad = bad & ~abroad.fill_null(False)
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="218",
    severity="error",
    message="Ofsted Unique reference number (URN) is required.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

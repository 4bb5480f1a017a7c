"""390: an episode ends in adoption (E11, E12) but its placement is not for adoption (A3-A6).

Read as: the episode the adoption ends is the adoptive placement, so it must be A3-A6."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import ADOPTION_PLACEMENTS, found

FIELDS = ("PLACE", "REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = pl.col("REC").is_in(["E11", "E12"]) & ~pl.col("PLACE").is_in(ADOPTION_PLACEMENTS)
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="390",
    severity="error",
    message=(
        "Reason episode ceased is adopted but child has not been previously placed for adoption."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

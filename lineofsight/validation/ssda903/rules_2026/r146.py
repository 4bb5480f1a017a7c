"""146 (2025-26): the placement type is blank or not valid in 2025-26.

Changed from 2024-25: Z1 is split into Z11-Z14 and is no longer valid. The 2025-26 column
spec still lists Z1 so that episodes open since earlier years can be read, so the rule takes
the year's list without it (an episode carried over from 2024-25 as Z1 must be recoded;
503D lets a Z1 open at 31 March 2025 continue as any of Z11-Z14)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import codes, found

FIELDS = ("PLACE",)
RETIRED = ("Z1",)


def _check(ret: Return) -> pl.DataFrame:
    valid = [code for code in codes(ret.year, "Episodes", "PLACE") if code not in RETIRED]
    place = pl.col("PLACE")
    frame = ret.table("Episodes").filter(place.is_null() | ~place.is_in(valid))
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="146",
    severity="error",
    message="Placement type code is not a valid code.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""169: an episode that is not a short break (LS V3, V4) has no LA of placement (PL_LA), or
one that is not an LA code.

A valid PL_LA is the ONS code of an English upper-tier authority (E06 unitary, E08
metropolitan district, E09 London borough, E10 county; six digits after) or one of CON, NIR,
SCO, WAL, NUK (statutory-formats.md §1.3). DfE derives PL_LA from PL_POST, so "missing" means
the postcode gave none."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import PLACEMENT_LA_NOT_ENGLAND, SHORT_BREAKS, found

FIELDS = ("PL_LA",)
ENGLISH_UPPER_TIER = r"^E(06|08|09|10)[0-9]{6}$"


def _check(ret: Return) -> pl.DataFrame:
    code = pl.col("PL_LA")
    valid = code.str.contains(ENGLISH_UPPER_TIER) | code.is_in(PLACEMENT_LA_NOT_ENGLAND)
    bad = ~pl.col("LS").is_in(SHORT_BREAKS).fill_null(False) & ~valid.fill_null(False)
    return found("Episodes", ret.table("Episodes").filter(bad), fields=FIELDS)


RULE = Rule(
    code="169",
    severity="error",
    message=(
        "Local Authority (LA) of placement is not valid or is missing. Please check a "
        "valid postcode has been entered."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
)

"""420: a short-break episode (LS V3, V4) has an LA of placement (PL_LA)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import SHORT_BREAKS, found

FIELDS = ("PL_LA",)


def _check(ret: Return) -> pl.DataFrame:
    bad = pl.col("LS").is_in(SHORT_BREAKS) & pl.col("PL_LA").is_not_null()
    return found("Episodes", ret.table("Episodes").filter(bad.fill_null(False)), fields=FIELDS)


RULE = Rule(
    code="420",
    severity="error",
    message="LA of placement completed but child is looked after under legal status V3 or V4.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    derived=FIELDS,
)

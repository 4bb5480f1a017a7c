"""364: PACE detention (J2) lasting more than 21 days.

The text gives no limit; 21 days is read as the most a J2 episode can last (the sector
validator's reading). Days are counted from DECOM to DEC; an episode still open counts to
31 March."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DEC", "DECOM", "LS")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.coalesce(pl.col("DEC"), pl.lit(year_end(ret.year)))
    lasted = (end - pl.col("DECOM")).dt.total_days()
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter((pl.col("LS") == "J2") & (lasted > 21)), fields=FIELDS)


RULE = Rule(
    code="364",
    severity="error",
    message=(
        "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time "
        "a child can be detained in custody in Local Authority (LA) accommodation."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""379: a temporary placement for another reason (T4) lasts more than seven days.

Days are counted from DECOM to DEC; an episode still open counts to 31 March (it has
lasted that long already)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DECOM", "PLACE")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.coalesce(pl.col("DEC"), pl.lit(year_end(ret.year)))
    lasted = (end - pl.col("DECOM")).dt.total_days()
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter((pl.col("PLACE") == "T4") & (lasted > 7)), fields=FIELDS)


RULE = Rule(
    code="379",
    severity="error",
    message=(
        "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

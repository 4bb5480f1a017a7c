"""376: a temporary placement while the foster carer is on holiday (T3) lasts more than three weeks
(21 days).

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
    return found("Episodes", frame.filter((pl.col("PLACE") == "T3") & (lasted > 21)), fields=FIELDS)


RULE = Rule(
    code="376",
    severity="error",
    message=(
        "Temporary placements coded as being due to holiday of usual foster carer(s) cannot"
        " exceed three weeks."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

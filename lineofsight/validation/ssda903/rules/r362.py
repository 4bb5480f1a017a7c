"""362: an emergency protection order (L2) for more than 21 days.

Days are counted from DECOM to DEC; an episode still open counts to 31 March (it has
lasted that long already)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DECOM", "DEC", "LS")


def _check(ret: Return) -> pl.DataFrame:
    end = pl.coalesce(pl.col("DEC"), pl.lit(year_end(ret.year)))
    lasted = (end - pl.col("DECOM")).dt.total_days()
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter((pl.col("LS") == "L2") & (lasted > 21)), fields=FIELDS)


RULE = Rule(
    code="362",
    severity="error",
    message=("Emergency protection order (EPO) lasted longer than 21 days"),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

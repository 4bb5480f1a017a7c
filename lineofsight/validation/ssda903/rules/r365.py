"""365: a single short break (V3) for more than 17 days.

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
    return found("Episodes", frame.filter((pl.col("LS") == "V3") & (lasted > 17)), fields=FIELDS)


RULE = Rule(
    code="365",
    severity="error",
    message=("Any individual short- term respite placement must not exceed 17 days."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""367: a child's short breaks (V3) add up to more than 75 days in the collection year.

The "12-month period" is read as the collection year: each V3 episode is cut to 1 April -
31 March (an open one runs to 31 March) and every V3 episode of a child over 75 is shown."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end, year_start

FIELDS = ("DEC", "DECOM", "LS")


def _check(ret: Return) -> pl.DataFrame:
    start = pl.max_horizontal(pl.col("DECOM"), pl.lit(year_start(ret.year)))
    end = pl.min_horizontal(
        pl.coalesce(pl.col("DEC"), pl.lit(year_end(ret.year))), pl.lit(year_end(ret.year))
    )
    days = (end - start).dt.total_days().clip(lower_bound=0)
    frame = (
        ret.table("Episodes")
        .filter((pl.col("LS") == "V3") & pl.col("DECOM").is_not_null())
        .with_columns(days.sum().over("CHILD").alias("respite_days"))
    )
    return found("Episodes", frame.filter(pl.col("respite_days") > 75), fields=FIELDS)


RULE = Rule(
    code="367",
    severity="error",
    message="The maximum amount of respite care allowable is 75 days in any 12-month period.",
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""361: police protection (L1) for more than 72 hours (3 days).

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
    return found("Episodes", frame.filter((pl.col("LS") == "L1") & (lasted > 3)), fields=FIELDS)


RULE = Rule(
    code="361",
    severity="error",
    message=(
        "Police protection legal status lasted longer than maximum 72 hours allowed in the "
        "Children Act 1989."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

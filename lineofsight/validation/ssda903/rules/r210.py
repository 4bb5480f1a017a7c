"""210: a child looked after for more than a week at 31 March has UPN UN4 (newly looked
after in the last week of the year, UPN not yet known).

Read from the message and UN4's meaning: the child is looked after at 31 March (their latest
episode open then) in a period of care that began before 24 March, that is more than 7
days before 31 March. A period of care begins at an episode with RNE S, or one not starting
the day the child's previous episode ended. (DfE's condition as D2I quotes it, "no episode
<DECOM> must be >= 24/03/YYYY", would instead forbid UN4 for a child who started in the last
week, the one case UN4 is for; the message is followed.) The Header row fails, showing the
period's start as DECOM."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found, year_end

FIELDS = ("UPN", "DECOM")


def _check(ret: Return) -> pl.DataFrame:
    end = year_end(ret.year)
    begins = (
        pl.col("prev_DEC").is_null()
        | (pl.col("RNE") == "S").fill_null(False)
        | (pl.col("DECOM") != pl.col("prev_DEC")).fill_null(True)
    )
    latest = (
        episodes_in_order(ret)
        .filter(pl.col("DECOM").is_not_null())
        .with_columns(pl.when(begins).then(pl.col("DECOM")).alias("period_start"))
        .with_columns(pl.col("period_start").forward_fill().over("CHILD"))
        .unique("CHILD", keep="last", maintain_order=True)
    )
    week = latest.filter(
        (pl.col("DEC").is_null() | (pl.col("DEC") > end))
        & (pl.col("period_start") < dt.date(ret.year, 3, 24))
    ).select("CHILD", pl.col("period_start").alias("DECOM"))
    frame = ret.table("Header").filter(pl.col("UPN").str.to_uppercase() == "UN4")
    return found("Header", frame.join(week, on="CHILD", how="inner").sort("row"), fields=FIELDS)


RULE = Rule(
    code="210",
    severity="error",
    message=(
        "Children looked after for more than a week at 31 March should not have an unknown "
        "Unique Pupil Number (UPN) code of UN4."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

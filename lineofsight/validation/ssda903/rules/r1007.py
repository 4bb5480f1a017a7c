"""1007: care leaver information for a child aged 17 or 18 at 31 March who was looked after
(an episode started on or before and ending after, or open) on their birthday in the year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    end = year_end(ret.year)
    frame = ret.table("OC3").filter(
        (birthday(pl.col("DOB"), 17) <= end) & (birthday(pl.col("DOB"), 19) > end)
    )
    age = pl.when(birthday(pl.col("DOB"), 18) <= end).then(18).otherwise(17)
    day = (
        pl.when(age == 18).then(birthday(pl.col("DOB"), 18)).otherwise(birthday(pl.col("DOB"), 17))
    )
    episodes = ret.table("Episodes").select("CHILD", "DECOM", "DEC")
    in_care = (
        frame.with_columns(day.alias("bday"))
        .join(episodes, on="CHILD")
        .filter(
            (pl.col("DECOM") <= pl.col("bday"))
            & (pl.col("DEC").is_null() | (pl.col("DEC") > pl.col("bday")))
        )
    )["CHILD"]
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    return found(
        "OC3", frame.filter(given & pl.col("CHILD").is_in(in_care.implode())), fields=FIELDS
    )


RULE = Rule(
    code="1007",
    severity="error",
    message=(
        "Care leaver information is not required for 17- or 18-year olds who are still "
        "looked after [on their 17th or 18th birthday.]"
    ),
    tables=("Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
)

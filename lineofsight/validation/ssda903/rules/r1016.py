"""1016: care leaver information for a child aged 17 or 18 at 31 March whose last episode
ended (DEC) in the year after their 17th or 18th birthday in the year."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end, year_start

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    start, end = year_start(ret.year), year_end(ret.year)
    last = ret.table("Episodes").sort("CHILD", "DECOM").group_by("CHILD").agg(pl.col("DEC").last())
    frame = ret.table("OC3").join(last, on="CHILD", how="inner")
    bday = pl.max_horizontal(
        *(
            pl.when(
                (birthday(pl.col("DOB"), a) >= start) & (birthday(pl.col("DOB"), a) <= end)
            ).then(birthday(pl.col("DOB"), a))
            for a in (17, 18)
        )
    )
    given = pl.any_horizontal(pl.col(c).is_not_null() for c in FIELDS)
    left_after = (pl.col("DEC") > bday) & (pl.col("DEC") <= end)
    return found("OC3", frame.filter(given & left_after), fields=FIELDS)


RULE = Rule(
    code="1016",
    severity="error",
    message=(
        "Care leaver information is not required for 17- or 18-year olds who cease "
        "to be looked after, after their birthday."
    ),
    tables=("Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
)

"""543: a child aged 10 or over at 31 March, looked after continuously for 12 months, has
no CONVICTED.

Continuously looked after for 12 months is read as statutory-formats §1.1 has it: an
episode started on or before 1 April, none starting a period of care (RNE S) after it, none
ending with a REC other than X1, and no short break (V3, V4). `continuously_looked_after`
serves 545 too."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, year_end, year_start

FIELDS = ("CONVICTED", "DOB")


def continuously_looked_after(ret: Return) -> list[str]:
    """The children looked after for the whole collection year."""
    start = year_start(ret.year)
    return (
        ret.table("Episodes")
        .group_by("CHILD")
        .agg(
            (pl.col("DECOM").min() <= start).alias("in_care"),
            ((pl.col("RNE") == "S") & (pl.col("DECOM") > start)).any().alias("started"),
            (pl.col("REC").is_not_null() & (pl.col("REC") != "X1")).any().alias("left"),
            pl.col("LS").is_in(["V3", "V4"]).any().alias("breaks"),
        )
        .filter(pl.col("in_care") & ~pl.col("started") & ~pl.col("left") & ~pl.col("breaks"))[
            "CHILD"
        ]
        .to_list()
    )


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("OC2")
    bad = (
        pl.col("CHILD").is_in(continuously_looked_after(ret))
        & (birthday(pl.col("DOB"), 10) <= year_end(ret.year))
        & pl.col("CONVICTED").is_null()
    )
    return found("OC2", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="543",
    severity="error",
    message=(
        "Child is aged 10 or over at 31 March and has been looked after continuously for 12 "
        "months yet conviction information has not been completed."
    ),
    tables=("Episodes", "OC2"),
    fields=FIELDS,
    check=_check,
)

"""207: a child who was a mother last year (MOTHER 1 in last year's return) is not recorded
as one this year (MOTHER blank or 0).

DfE's condition has the rule only for children with an episode this year and MOTHER 1 last
year: motherhood, once recorded, cannot be undone. A blank MOTHER this year disagrees too."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("MOTHER", "MOTHER_last")


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = (
        ret.previous.table("Header")
        .unique("CHILD", keep="first")
        .select("CHILD", pl.col("MOTHER").alias("MOTHER_last"))
    )
    looked_after = ret.table("Episodes")["CHILD"].unique().implode()
    frame = ret.table("Header").join(last, on="CHILD", how="inner")
    bad = (
        pl.col("CHILD").is_in(looked_after)
        & (pl.col("MOTHER_last") == "1")
        & pl.col("MOTHER").ne_missing(pl.lit("1"))
    )
    return found("Header", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="207",
    severity="error",
    message=(
        "Mother status for the current year disagrees with the mother status already "
        "recorded for this child."
    ),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

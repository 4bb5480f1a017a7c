"""399: a child looked after only under short breaks (every episode V3 or V4) has MOTHER
given (the Header row is shown) or reviews (each Reviews row is shown).

Reviews' method of participation is the "participation field"."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("LS", "MOTHER", "REVIEW", "REVIEW_CODE")


def _check(ret: Return) -> pl.DataFrame:
    episodes = ret.table("Episodes")
    breaks_only = (
        episodes.group_by("CHILD")
        .agg(pl.col("LS").is_in(["V3", "V4"]).all().alias("only"))
        .filter("only")["CHILD"]
        .to_list()
    )
    header = ret.table("Header").filter(
        pl.col("CHILD").is_in(breaks_only) & pl.col("MOTHER").is_not_null()
    )
    reviews = ret.table("Reviews").filter(pl.col("CHILD").is_in(breaks_only))
    return pl.concat(
        [
            found("Header", header, fields=("MOTHER",)),
            found("Reviews", reviews, fields=("REVIEW", "REVIEW_CODE")),
        ]
    )


RULE = Rule(
    code="399",
    severity="error",
    message=(
        "Mother field, review field or participation field are completed but child is looked "
        "after under legal status V3 or V4."
    ),
    tables=("Episodes", "Header", "Reviews"),
    fields=FIELDS,
    check=_check,
)

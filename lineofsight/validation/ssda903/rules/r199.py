"""199: an episode starting after one that ended in adoption (REC E11, E12). Only this
year's episodes are read (the rule's tables are Episodes alone)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("CHILD",)


def _check(ret: Return) -> pl.DataFrame:
    adopted = (
        ret.table("Episodes")
        .filter(pl.col("REC").is_in(["E11", "E12"]))
        .group_by("CHILD")
        .agg(pl.col("DEC").min().alias("adopted"))
    )
    frame = (
        ret.table("Episodes").join(adopted, on="CHILD").filter(pl.col("DECOM") >= pl.col("adopted"))
    )
    return found("Episodes", frame, fields=("CHILD", "DECOM"))


RULE = Rule(
    code="199",
    severity="error",
    message=(
        "Episode information shows child has been previously adopted from care. [NOTE: "
        "This only tests the current and previous year data loaded into the tool]"
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

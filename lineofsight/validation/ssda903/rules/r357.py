"""357: a child's first episode in the return starts in the collection year with an RNE other
than S. Such an episode has no episode before it in the return, so none ended on its DECOM;
an earlier first episode may continue one from before the year and is not tested."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("RNE",)


def _check(ret: Return) -> pl.DataFrame:
    first = ret.table("Episodes").sort("CHILD", "DECOM", "row").unique("CHILD", keep="first")
    frame = first.filter((pl.col("DECOM") >= year_start(ret.year)) & (pl.col("RNE") != "S"))
    return found("Episodes", frame, fields=("RNE", "DECOM"))


RULE = Rule(
    code="357",
    severity="error",
    message=(
        "If this is the first episode ever for this child, reason for new episode must "
        "be S.  Check whether there is an episode immediately preceding this one, which "
        "has been left out.  If not the reason for new episode code must be amended "
        "to S."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

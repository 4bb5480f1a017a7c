"""NoE: the child has an episode starting before 1 April but no episodes in last year's
return."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    last = ret.previous.tables.get("Episodes") if ret.previous else None
    if last is None:
        return no_failures()
    frame = ret.table("Episodes").filter(pl.col("DECOM") < year_start(ret.year))
    return found(
        "Episodes",
        frame.join(last.select("CHILD").unique(), on="CHILD", how="anti").sort("row"),
        fields=FIELDS,
    )


RULE = Rule(
    code="NoE",
    severity="error",
    message=(
        "This child has no episodes loaded for previous year even though child started to "
        "be looked after before this current year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

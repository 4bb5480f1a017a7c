"""562: the child's first episode this year started before 1 April, and last year's return
(which has the child) does not have an episode starting on that DECOM. A child absent from
last year's return is NoE's concern."""

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
    first = (
        ret.table("Episodes")
        .filter(pl.col("DECOM") < year_start(ret.year))
        .sort("CHILD", "DECOM", "row")
        .unique("CHILD", keep="first")
    )
    known = first.join(last.select("CHILD").unique(), on="CHILD", how="semi")
    missing = known.join(last.select("CHILD", "DECOM").unique(), on=["CHILD", "DECOM"], how="anti")
    return found("Episodes", missing.sort("row"), fields=FIELDS)


RULE = Rule(
    code="562",
    severity="error",
    message=(
        "Episode commenced before the start of the current collection year but there is a "
        "missing continuous episode in the previous year."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

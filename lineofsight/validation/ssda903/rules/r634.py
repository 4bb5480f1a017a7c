"""634: the child has PrevPerm entries (any of PREV_PERM, LA_PERM, DATE_PERM given) but did
not start to be looked after on or after 1 April 2016: their first episode in the return
starts before then and none of their episodes with RNE S starts on or after it. Children
with no episodes are left to other rules."""

from __future__ import annotations

import datetime as dt

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("PREV_PERM", "LA_PERM", "DATE_PERM", "first_DECOM")
COLLECTED_FROM = dt.date(2016, 4, 1)


def _check(ret: Return) -> pl.DataFrame:
    started = (pl.col("RNE") == "S") & (pl.col("DECOM") >= COLLECTED_FROM)
    children = (
        ret.table("Episodes")
        .group_by("CHILD")
        .agg(pl.col("DECOM").min().alias("first_DECOM"), started.any().alias("started"))
    )
    given = pl.any_horizontal(
        pl.col(c).is_not_null() for c in ("PREV_PERM", "LA_PERM", "DATE_PERM_text")
    )
    frame = (
        ret.table("PrevPerm")
        .filter(given)
        .join(children, on="CHILD")
        .filter((pl.col("first_DECOM") < COLLECTED_FROM) & ~pl.col("started"))
    )
    return found("PrevPerm", frame, fields=FIELDS)


RULE = Rule(
    code="634",
    severity="error",
    message=(
        "There are entries for previous permanence options, but child has not started to be "
        "looked after from 1 April 2016 onwards."
    ),
    tables=("Episodes", "PrevPerm"),
    fields=FIELDS,
    check=_check,
)

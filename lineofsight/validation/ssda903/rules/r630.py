"""630: the child started to be looked after in the year (an episode with RNE S starting on or
after 1 April) and has no PrevPerm row (a blank PREV_PERM is 631's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_start

FIELDS = ("RNE", "DECOM")


def _check(ret: Return) -> pl.DataFrame:
    started = ret.table("Episodes").filter(
        (pl.col("RNE") == "S") & (pl.col("DECOM") >= year_start(ret.year))
    )
    frame = started.join(ret.table("PrevPerm").select("CHILD").unique(), on="CHILD", how="anti")
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="630",
    severity="error",
    message=("Information on previous permanence option should be returned."),
    tables=("Episodes", "PrevPerm"),
    fields=FIELDS,
    check=_check,
)

"""348 (new in 2025-26): a care leaver reported in last year's return as having died is not
reported as died this year.

DfE's condition: if last year's OC3 IN_TOUCH was DIED then this year's IN_TOUCH must be DIED.
Read for children in both years' OC3 tables; a blank IN_TOUCH this year is not DIED, so it
fails. DfE's message ends in a space, left off here as the 2024-25 messages are (trimmed).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule, no_failures
from lineofsight.validation.ssda903.checks import found

FIELDS = ("IN_TOUCH",)


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    last = ret.previous.tables.get("OC3")
    if last is None:
        return no_failures()
    died = (
        last.filter(pl.col("IN_TOUCH") == "DIED")
        .select("CHILD", pl.col("IN_TOUCH").alias("IN_TOUCH_last"))
        .unique("CHILD")
    )
    frame = ret.table("OC3").join(died, on="CHILD", how="inner", maintain_order="left")
    bad = pl.col("IN_TOUCH").ne_missing(pl.lit("DIED"))
    return found("OC3", frame.filter(bad), fields=("IN_TOUCH", "IN_TOUCH_last"))


RULE = Rule(
    code="348",
    severity="error",
    message="Care leaver has previously been reported as having died.",
    tables=("OC3",),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

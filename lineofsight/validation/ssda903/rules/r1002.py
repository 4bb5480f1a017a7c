"""1002: a care leaver (OC3) with no episode of care.

A file-based check reads this and last year's returns, so a care leaver whose care ended
earlier is flagged (the false positive DfE's note warns of). Where the return carries the
earlier episodes (`EpisodesEarlier`: the records' return does), those count too, as they do
in DfE's own check over every year it holds.
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found
from lineofsight.validation.ssda903.history import episodes_known

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _check(ret: Return) -> pl.DataFrame:
    assert ret.previous is not None
    children = episodes_known(ret)["CHILD"]
    frame = ret.table("OC3").filter(~pl.col("CHILD").is_in(children.implode()))
    return found("OC3", frame, fields=FIELDS)


RULE = Rule(
    code="1002",
    severity="error",
    message=(
        "This child has no previous episodes of care, therefore should not have care "
        "leaver information recorded. [NOTE: This tool can only test the current and "
        "previous year data loaded into the tool - this check may generate false positives "
        "if a child had episodes prior to last year's collection.]"
    ),
    tables=("Episodes", "OC3"),
    fields=FIELDS,
    check=_check,
    needs_previous=True,
)

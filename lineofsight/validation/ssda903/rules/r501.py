"""501: an episode starts before the child's previous episode (by DECOM) ended.

Each episode is compared with the one before it; an open previous episode is 142's concern."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("DECOM", "prev_DEC")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    return found("Episodes", frame.filter(pl.col("DECOM") < pl.col("prev_DEC")), fields=FIELDS)


RULE = Rule(
    code="501",
    severity="error",
    message=("A new episode has started before the end date of the previous episode."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""431: an episode starting a period of care (RNE S) begins the day the child's previous
episode ended."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import episodes_in_order, found

FIELDS = ("DECOM", "RNE")


def _check(ret: Return) -> pl.DataFrame:
    frame = episodes_in_order(ret)
    bad = (pl.col("RNE") == "S") & (pl.col("DECOM") == pl.col("prev_DEC"))
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="431",
    severity="error",
    message=(
        "The reason for new episode is started to be looked after, but the previous episode "
        "ended on the same day."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

"""233 (new in 2025-26): a reason for placement change is given for an episode that has not
ceased.

DfE's condition: if the date episode ceased (DEC) is blank then REASON_PLACE_CHANGE should
be blank. A DEC given but not a date counts as given (147 reports it).
"""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DEC", "REASON_PLACE_CHANGE")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes").filter(
        pl.col("DEC_text").is_null() & pl.col("REASON_PLACE_CHANGE").is_not_null()
    )
    return found("Episodes", frame, fields=FIELDS)


RULE = Rule(
    code="233",
    severity="error",
    message="Reason for placement change is not required when the episode has not ceased.",
    tables=("Episodes",),
    fields=("REASON_PLACE_CHANGE",),
    check=_check,
)

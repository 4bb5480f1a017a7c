"""352: an episode starting a period of care (RNE S) began on or after the 18th birthday."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import birthday, found, with_header

FIELDS = ("DECOM", "RNE", "DOB")


def _check(ret: Return) -> pl.DataFrame:
    frame = with_header(ret, "Episodes", "DOB")
    return found(
        "Episodes",
        frame.filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= birthday(pl.col("DOB"), 18))),
        fields=FIELDS,
    )


RULE = Rule(
    code="352",
    severity="error",
    message=("Child who started to be looked after was aged 18 or over."),
    tables=("Episodes", "Header"),
    fields=FIELDS,
    check=_check,
)

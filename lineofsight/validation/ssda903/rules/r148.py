"""148: an episode has a DEC without a REC, or a REC without a DEC.

A DEC is "coded" when any text was given (an unreadable date is 147's concern)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("DEC", "REC")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found(
        "Episodes",
        frame.filter(pl.col("DEC_text").is_null() != pl.col("REC").is_null()),
        fields=FIELDS,
    )


RULE = Rule(
    code="148",
    severity="error",
    message=(
        "Date episode ceased and reason episode ceased must both be coded, or both left blank."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

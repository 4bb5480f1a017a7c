"""366: a short-break (V3) episode starts with a change of placement only (RNE P or T).

Read as: RNE P or T keeps the legal status, so the previous episode was V3 too and the
child changed placement in the middle of a break (each break starts its own episode)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found

FIELDS = ("RNE", "LS")


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    bad = (pl.col("LS") == "V3") & pl.col("RNE").is_in(["P", "T"])
    return found("Episodes", frame.filter(bad), fields=FIELDS)


RULE = Rule(
    code="366",
    severity="error",
    message=(
        "A child cannot change placement during the course of an individual short-term "
        "respite break."
    ),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)

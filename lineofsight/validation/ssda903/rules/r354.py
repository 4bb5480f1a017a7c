"""354: an episode starts after the collection year ends.

DfE's message speaks of the date ceased but names DECOM: the rule checks the start (385 checks
the end)."""

from __future__ import annotations

import polars as pl

from lineofsight.validation.engine.returns import Return
from lineofsight.validation.engine.rule import Rule
from lineofsight.validation.ssda903.checks import found, year_end

FIELDS = ("DECOM",)


def _check(ret: Return) -> pl.DataFrame:
    frame = ret.table("Episodes")
    return found("Episodes", frame.filter(pl.col("DECOM") > year_end(ret.year)), fields=FIELDS)


RULE = Rule(
    code="354",
    severity="error",
    message=("Date episode ceased must be on or before the end of the current collection year."),
    tables=("Episodes",),
    fields=FIELDS,
    check=_check,
)
